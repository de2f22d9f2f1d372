using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RemoveDecision;

/// <summary>Removes a draft decision; refused once the minutes are published.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RemoveDecision(int MeetingId, int DecisionId) : ICommand<Unit>, IMeetingScoped;

public sealed class RemoveDecisionHandler(ISalamDbContext db, ICurrentUser user) : ICommandHandler<RemoveDecision, Unit>
{
    public async ValueTask<Unit> Handle(RemoveDecision command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        var decision = meeting.Decisions.SingleOrDefault(d => d.Id == command.DecisionId);
        meeting.RemoveDecision(command.DecisionId);
        // Taken out of the meeting it belongs nowhere: the row goes (and the audit log records its removal).
        db.MeetingDecisions.Remove(decision!);
        await db.SaveMeetingAsync(cancellationToken);
        return Unit.Value;
    }
}
