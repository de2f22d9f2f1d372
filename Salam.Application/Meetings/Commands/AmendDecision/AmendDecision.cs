using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.AmendDecision;

/// <summary>Corrects a published decision with a new one that amends it (its duty, if any, is made at once); both stay visible. Returns the new decision's id.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record AmendDecision(int MeetingId, int AmendsDecisionId, DecisionDraft Decision) : ICommand<int>, IMeetingScoped;

public sealed class AmendDecisionHandler : ICommandHandler<AmendDecision, int>
{
    public ValueTask<int> Handle(AmendDecision command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
