using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Domain.Needs;
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

public sealed class AllocateDonationHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AllocateDonation, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(AllocateDonation command, CancellationToken cancellationToken)
    {
        var donation = await db.FindDonationAsync(command.DonationId, cancellationToken);
        donation.EnsureSeen(command.Version);
        await EnsurePlaceFitsAsync(command, donation, cancellationToken);
        donation.Allocate(command.Amount, command.NeighbourhoodId, command.NeedId, command.DutyId, command.Note, user.UserId ?? 0, clock.GetUtcNow());
        return await db.SaveDonationAsync(donation, cancellationToken);
    }

    /// <summary>
    /// The pipeline checked the caller reaches the neighbourhood, need and duty; here they must fit the donation: a neighbourhood
    /// its own centre serves, inside the campaign, and a need or duty of that neighbourhood still worth giving to.
    /// </summary>
    private async Task EnsurePlaceFitsAsync(AllocateDonation command, Donation donation, CancellationToken cancellationToken)
    {
        var neighbourhood = command.NeighbourhoodId;
        if (!await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhood && n.CentreId == donation.CentreId, cancellationToken))
            throw new RequestRefusedException(Text.Get("Allocation.NeighbourhoodNotServed"));
        var campaign = await db.FindCampaignAsync(donation.CampaignId, cancellationToken);
        if (!await db.NeighbourhoodsIn(CampaignPlace.Of(campaign)).AnyAsync(n => n.Id == neighbourhood, cancellationToken))
            throw new RequestRefusedException(Text.Get("Allocation.NeighbourhoodOutsideCampaign"));
        if (command.NeedId is { } need && !await db.Needs.AnyAsync(n => n.Id == need && n.NeighbourhoodId == neighbourhood && n.Status == NeedStatus.Approved, cancellationToken))
            throw new RequestRefusedException(Text.Get("Allocation.NeedElsewhere"));
        if (command.DutyId is { } duty && !await db.Duties.AnyAsync(d => d.Id == duty && d.NeighbourhoodId == neighbourhood && AllocationTargets.OpenDuty.Contains(d.Status), cancellationToken))
            throw new RequestRefusedException(Text.Get("Allocation.DutyElsewhere"));
    }
}

public sealed class DeliverAllocationHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeliverAllocation, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(DeliverAllocation command, CancellationToken cancellationToken)
    {
        var donation = await db.FindDonationAsync(command.DonationId, cancellationToken);
        donation.EnsureSeen(command.Version);
        donation.Deliver(command.AllocationId, command.On, user.UserId ?? 0, clock.GetUtcNow());
        return await db.SaveDonationAsync(donation, cancellationToken);
    }
}

public sealed class LinkAllocationStoryHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<LinkAllocationStory, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(LinkAllocationStory command, CancellationToken cancellationToken)
    {
        var donation = await db.FindDonationAsync(command.DonationId, cancellationToken);
        donation.EnsureSeen(command.Version);
        var allocation = donation.Allocations.SingleOrDefault(a => a.Id == command.AllocationId) ?? throw new DomainException("Allocation.NotFound");
        if (!await db.SuccessStories.AnyAsync(s => s.Id == command.StoryId && s.NeighbourhoodId == allocation.NeighbourhoodId, cancellationToken))
            throw new RequestRefusedException(Text.Get("Allocation.StoryElsewhere"));
        donation.LinkStory(command.AllocationId, command.StoryId, clock.GetUtcNow());
        return await db.SaveDonationAsync(donation, cancellationToken);
    }
}
