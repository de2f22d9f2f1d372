using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RecordDecision;

/// <summary>Adds a decision to a held meeting's draft minutes; returns its id. Agency (in the meeting's province, or national), neighbourhood and need must be in the meeting's scope.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RecordDecision(int MeetingId, DecisionDraft Decision) : ICommand<int>, IMeetingScoped;

public sealed class RecordDecisionHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordDecision, int>
{
    public async ValueTask<int> Handle(RecordDecision command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        await db.EnsureDecisionFitsAsync(meeting, command.Decision, cancellationToken);
        var decision = meeting.Decide(command.Decision, user.UserId ?? 0, clock.GetUtcNow());
        await db.SaveMeetingAsync(cancellationToken);
        return decision.Id;
    }
}
