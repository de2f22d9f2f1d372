using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RemoveDecision;

/// <summary>Removes a draft decision; refused once the minutes are published.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RemoveDecision(int MeetingId, int DecisionId) : ICommand<Unit>, IMeetingScoped;

public sealed class RemoveDecisionHandler : ICommandHandler<RemoveDecision, Unit>
{
    public ValueTask<Unit> Handle(RemoveDecision command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
