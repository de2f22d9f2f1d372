using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.AmendDecision;

/// <summary>Corrects a published decision with a new one that amends it (its duty, if any, is made at once); both stay visible. Returns the new decision's id.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record AmendDecision(int MeetingId, int AmendsDecisionId, DecisionDraft Decision) : ICommand<int>, IMeetingScoped;

public sealed class AmendDecisionHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AmendDecision, int>
{
    public async ValueTask<int> Handle(AmendDecision command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        await db.EnsureDecisionFitsAsync(meeting, command.Decision, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = meeting.Amend(command.AmendsDecisionId, command.Decision, user.UserId ?? 0, now);
        // The minutes are already published, so the amendment binds at once: an agency decision is on the desk in the same save.
        // The amended decision's duty stays as it is; its agency reads the correction beside it.
        if (decision.Kind == DecisionKind.AgencyDuty) decision.BecameDuty(user.UserId ?? 0, now);
        await db.SaveMeetingAsync(cancellationToken);
        return decision.Id;
    }
}
