using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;

namespace Salam.Application.Meetings.Queries.GetMeetingPlanChoices;

/// <summary>
/// What a planning form offers for a scope (a neighbourhood, a county or a province): the agencies that work there (provincial
/// and national, active), the neighbourhoods in it, and the agenda's candidates: the top needs of each neighbourhood's latest
/// published round and the duties of the scope that are overdue or blocked.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetMeetingPlanChoices(MeetingScope Scope, int ScopeId) : IQuery<MeetingPlanChoices>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [Scope switch
    {
        MeetingScope.Neighbourhood => ScopeTarget.Neighbourhood(ScopeId),
        MeetingScope.County => ScopeTarget.County(ScopeId),
        _ => ScopeTarget.Province(ScopeId),
    }];
}

/// <summary>ProvinceId and CountyId locate the scope, for the PlanMeeting command.</summary>
public sealed record MeetingPlanChoices(int ProvinceId, int? CountyId, int? NeighbourhoodId, PlaceName ScopeName,
    IReadOnlyList<AgencyOption> Agencies, IReadOnlyList<NeighbourhoodOption> Neighbourhoods, IReadOnlyList<TopNeedOption> TopNeeds, IReadOnlyList<LateDutyOption> LateDuties);

public sealed record AgencyOption(int Id, PlaceName Name, AgencyKind Kind, bool National);

public sealed record NeighbourhoodOption(int Id, PlaceName Name);

public sealed record TopNeedOption(int NeedId, string Title, PlaceName Neighbourhood, int Position);

public sealed record LateDutyOption(int DutyId, string Title, PlaceName Agency, PlaceName Neighbourhood, DutyStatus Status, int OverdueDays);

public sealed class GetMeetingPlanChoicesHandler : IQueryHandler<GetMeetingPlanChoices, MeetingPlanChoices>
{
    public ValueTask<MeetingPlanChoices> Handle(GetMeetingPlanChoices query, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the reads helper");
}
