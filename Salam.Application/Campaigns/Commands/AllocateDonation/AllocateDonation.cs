using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.AllocateDonation;

/// <summary>
/// Gives part of a received donation to a neighbourhood the centre serves (inside the campaign's scope), optionally for one of
/// its approved needs or open duties; never more than is left unallocated.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record AllocateDonation(int DonationId, Guid Version, long Amount, int NeighbourhoodId, int? NeedId, int? DutyId, string Note)
    : ICommand<DonationWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ScopeTarget.Donation(DonationId), ScopeTarget.Neighbourhood(NeighbourhoodId), .. ScopeTarget.IfAny(NeedId, ScopeTarget.Need),
            .. ScopeTarget.IfAny(DutyId, ScopeTarget.Duty)];
}

/// <summary>An allocation reached its neighbourhood on a day (not in the future).</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record DeliverAllocation(int DonationId, int AllocationId, Guid Version, DateOnly On) : ICommand<DonationWritten>, IDonationScoped;

/// <summary>A delivered allocation carries a success story of the same neighbourhood.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record LinkAllocationStory(int DonationId, int AllocationId, Guid Version, int StoryId) : ICommand<DonationWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Donation(DonationId), ScopeTarget.Story(StoryId)];
}

public sealed class AllocateDonationHandler : ICommandHandler<AllocateDonation, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(AllocateDonation command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}

public sealed class DeliverAllocationHandler : ICommandHandler<DeliverAllocation, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(DeliverAllocation command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}

public sealed class LinkAllocationStoryHandler : ICommandHandler<LinkAllocationStory, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(LinkAllocationStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
