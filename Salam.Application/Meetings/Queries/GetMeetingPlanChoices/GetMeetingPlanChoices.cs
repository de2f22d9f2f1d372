using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Common;
using Salam.Domain.Duties;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

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

/// <summary>
/// The pipeline checked the caller reaches the scope. A facilitator plans their centre's neighbourhood meetings only (as PlanMeeting
/// refuses them a county or province meeting), so they are refused a county's or province's choices, which would list the duties of
/// neighbourhoods beyond their centre.
/// </summary>
public sealed class GetMeetingPlanChoicesHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetMeetingPlanChoices, MeetingPlanChoices>
{
    private const int TopNeedsPerNeighbourhood = 3;
    private const int MostLateDuties = 200;

    public async ValueTask<MeetingPlanChoices> Handle(GetMeetingPlanChoices query, CancellationToken cancellationToken)
    {
        if (user.Role == Role.Facilitator && query.Scope != MeetingScope.Neighbourhood)
            throw new ForbiddenException(Text.Get("Meeting.FacilitatorNeighbourhoodOnly"));
        var (provinceId, countyId, neighbourhoodId) = await LocateAsync(query, cancellationToken);
        var inScope = db.NeighbourhoodsOf(provinceId, countyId, neighbourhoodId).Where(n => n.IsActive);
        var ids = inScope.Select(n => n.Id);

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (a.ProvinceId == null || a.ProvinceId == provinceId))
            .Select(a => new AgencyOption(a.Id, new PlaceName(a.NameFa, a.NameEn), a.Kind, a.ProvinceId == null)).ToListAsync(cancellationToken);
        var neighbourhoods = await inScope.Select(n => new NeighbourhoodOption(n.Id, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
        var rounds = await db.LatestPublishedRoundsAsync(ids, TopNeedsPerNeighbourhood, cancellationToken);

        return new MeetingPlanChoices(provinceId, countyId, neighbourhoodId, await db.ScopeNameAsync(provinceId, countyId, neighbourhoodId, cancellationToken),
            [.. agencies.OrderBy(a => a.National).ThenBy(a => a.Kind).ThenBy(a => a.Name.Fa, StringComparer.Ordinal)],
            [.. neighbourhoods.OrderBy(n => n.Name.Fa, StringComparer.Ordinal)],
            [.. rounds.SelectMany(r => r.Top.Select(t => new TopNeedOption(t.NeedId, t.Title, r.Neighbourhood, t.Position)))],
            await LateDutiesAsync(ids, cancellationToken));
    }

    /// <summary>Open duties past their due date, and blocked ones (late in the making), most overdue first.</summary>
    private async Task<List<LateDutyOption>> LateDutiesAsync(IQueryable<int> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var overdue = db.Duties.OverdueOn(today).Select(d => d.Id);
        var late = await db.Duties.AsNoTracking().Where(d => neighbourhoodIds.Contains(d.NeighbourhoodId))
            .Where(d => d.Status == DutyStatus.Blocked || overdue.Contains(d.Id))
            .OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(MostLateDuties)
            .Select(d => new
            {
                d.Id, d.Title, d.Status, d.DueDate,
                Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
                Neighbourhood = db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).Single(),
            })
            .ToListAsync(cancellationToken);
        return [.. late.Select(d => new LateDutyOption(d.Id, d.Title, d.Agency, d.Neighbourhood, d.Status,
            Duty.IsOverdue(d.Status, d.DueDate, today) ? today.DayNumber - d.DueDate.DayNumber : 0))];
    }

    /// <summary>The scope's province and county (the pipeline already found the scope and checked it is the caller's).</summary>
    private async Task<(int ProvinceId, int? CountyId, int? NeighbourhoodId)> LocateAsync(GetMeetingPlanChoices query, CancellationToken cancellationToken)
    {
        switch (query.Scope)
        {
            case MeetingScope.Neighbourhood:
                var place = await db.Neighbourhoods.Where(n => n.Id == query.ScopeId).Select(n => new { n.County!.ProvinceId, n.CountyId }).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(Text.Get("NotFound.Neighbourhood"));
                return (place.ProvinceId, place.CountyId, query.ScopeId);
            case MeetingScope.County:
                var province = await db.Counties.Where(c => c.Id == query.ScopeId).Select(c => (int?)c.ProvinceId).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(Text.Get("NotFound.Place"));
                return (province, query.ScopeId, null);
            default:
                return (query.ScopeId, null, null);
        }
    }
}
