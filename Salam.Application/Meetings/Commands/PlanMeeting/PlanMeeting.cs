using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.PlanMeeting;

/// <summary>
/// A facilitator plans a meeting for a neighbourhood of their centre; a provincial officer for a county or the whole province
/// (CountyId and NeighbourhoodId empty). Every invited agency must work there (its province's or a national one).
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record PlanMeeting(MeetingKind Kind, string Title, string Place, DateTimeOffset StartsAt, int ProvinceId, int? CountyId, int? NeighbourhoodId,
    IReadOnlyList<OrganisationInput> Invited, IReadOnlyList<AgendaInput> Agenda) : ICommand<int>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() =>
        [NeighbourhoodId is { } n ? ScopeTarget.Neighbourhood(n) : CountyId is { } c ? ScopeTarget.County(c) : ScopeTarget.Province(ProvinceId)];
}

public sealed class PlanMeetingHandler : ICommandHandler<PlanMeeting, int>
{
    public ValueTask<int> Handle(PlanMeeting command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
