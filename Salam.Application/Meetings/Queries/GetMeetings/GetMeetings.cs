using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;

namespace Salam.Application.Meetings.Queries.GetMeetings;

/// <summary>
/// Meetings of a province, latest first, with each one's decisions delivered on time: the provincial officer (and ministry staff,
/// admin) see all of the province's; a facilitator passes their neighbourhood and sees that neighbourhood's.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetMeetings(int ProvinceId, int? NeighbourhoodId = null) : IQuery<MeetingList>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [NeighbourhoodId is { } n ? ScopeTarget.Neighbourhood(n) : ScopeTarget.Province(ProvinceId)];
}

/// <summary>OnTimeShare: decision duties done by their due date over decision duties whose due date has passed or that are done (null: none yet).</summary>
public sealed record MeetingList(PlaceName Province, IReadOnlyList<MeetingRow> Meetings, int DecisionDuties, int DeliveredOnTime, double? OnTimeShare);

public sealed record MeetingRow(int Id, MeetingKind Kind, string Title, DateTimeOffset StartsAt, MeetingScope Scope, PlaceName ScopeName, MeetingStatus Status,
    int Decisions, int DecisionDuties, int DeliveredOnTime, int Overdue);

public sealed class GetMeetingsHandler : IQueryHandler<GetMeetings, MeetingList>
{
    public ValueTask<MeetingList> Handle(GetMeetings query, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the reads helper");
}
