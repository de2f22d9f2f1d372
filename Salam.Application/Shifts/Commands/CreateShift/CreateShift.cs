using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.CreateShift;

/// <summary>
/// A facilitator creates a shift at their centre, open to one neighbourhood it serves or to all of them, optionally for a duty,
/// a need, a campaign or a meeting's decision of that place (the handler checks the decision's meeting is about one of the centre's neighbourhoods).
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CreateShift(int CentreId, int? NeighbourhoodId, ShiftDraft Draft, ShiftLink Link) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ScopeTarget.CentreDesk(CentreId), .. ScopeTarget.IfAny(NeighbourhoodId, ScopeTarget.Neighbourhood),
            .. ScopeTarget.IfAny(Link.DutyId, ScopeTarget.Duty), .. ScopeTarget.IfAny(Link.NeedId, ScopeTarget.Need),
            .. ScopeTarget.IfAny(Link.CampaignId, ScopeTarget.Campaign)];
}

/// <summary>Changes a shift's time, place, skill or places before attendance is recorded.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ReviseShift(int ShiftId, Guid Version, ShiftDraft Draft) : ICommand<ShiftWritten>, IShiftScoped;

public sealed class CreateShiftHandler : ICommandHandler<CreateShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(CreateShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}

public sealed class ReviseShiftHandler : ICommandHandler<ReviseShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(ReviseShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
