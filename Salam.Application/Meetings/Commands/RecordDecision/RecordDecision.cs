using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RecordDecision;

/// <summary>Adds a decision to a held meeting's draft minutes; returns its id. Agency (in the meeting's province, or national), neighbourhood and need must be in the meeting's scope.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RecordDecision(int MeetingId, DecisionDraft Decision) : ICommand<int>, IMeetingScoped;

public sealed class RecordDecisionHandler : ICommandHandler<RecordDecision, int>
{
    public ValueTask<int> Handle(RecordDecision command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
