using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;

namespace Salam.Application.Meetings.Common;

/// <summary>
/// What a meeting may name: agencies that work in its province (a national one works everywhere) and are active, and the
/// neighbourhoods, needs and duties inside its scope. The pipeline checked the caller reaches the meeting; these check that the
/// ids the form sends belong to it.
/// </summary>
public static class MeetingReach
{
    /// <summary>The neighbourhoods a meeting's scope holds: its own, its county's, or its province's.</summary>
    public static IQueryable<Neighbourhood> NeighbourhoodsOf(this ISalamDbContext db, int provinceId, int? countyId, int? neighbourhoodId) =>
        neighbourhoodId is { } own ? db.Neighbourhoods.Where(n => n.Id == own)
        : countyId is { } county ? db.Neighbourhoods.Where(n => n.CountyId == county)
        : db.Neighbourhoods.Where(n => n.County!.ProvinceId == provinceId);

    public static IQueryable<Neighbourhood> NeighbourhoodsOf(this ISalamDbContext db, Meeting meeting) =>
        db.NeighbourhoodsOf(meeting.ProvinceId, meeting.CountyId, meeting.NeighbourhoodId);

    /// <summary>Every agency named must exist, work in the province (or nationally) and be active, as for assigning a duty.</summary>
    public static async Task EnsureAgenciesServeAsync(this ISalamDbContext db, int provinceId, IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken)
    {
        if (agencyIds.Count == 0) return;
        var ids = agencyIds.Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.ProvinceId, a.IsActive }).ToListAsync(cancellationToken);
        if (agencies.Count != ids.Count) throw new NotFoundException(Text.Get("NotFound.Agency"));
        // A provincial agency works in its own province; a national one (no province) everywhere.
        if (agencies.Any(a => a.ProvinceId is { } province && province != provinceId)) throw new ForbiddenException(Text.Get("Meeting.AgencyOutOfScope"));
        if (agencies.Any(a => !a.IsActive)) throw new RequestRefusedException(Text.Get("Meeting.AgencyInactive"));
    }

    /// <summary>A decision's agency, neighbourhood and need lie in the meeting's scope; an agency duty's neighbourhood is in service.</summary>
    public static async Task EnsureDecisionFitsAsync(this ISalamDbContext db, Meeting meeting, DecisionDraft draft, CancellationToken cancellationToken)
    {
        var inScope = db.NeighbourhoodsOf(meeting);
        var place = draft.NeighbourhoodId ?? meeting.NeighbourhoodId;
        if (draft.NeighbourhoodId is { } named && !await inScope.AnyAsync(n => n.Id == named, cancellationToken))
            throw new RequestRefusedException(Text.Get("Meeting.DecisionOutsideScope"));
        if (draft.NeedId is { } needId)
        {
            var needPlace = await db.Needs.Where(n => n.Id == needId).Select(n => (int?)n.NeighbourhoodId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Text.Get("NotFound.Need"));
            if ((place is { } p && p != needPlace) || !await inScope.AnyAsync(n => n.Id == needPlace, cancellationToken))
                throw new RequestRefusedException(Text.Get("Meeting.NeedOutsideScope"));
        }
        if (draft.Kind != DecisionKind.AgencyDuty) return;
        if (draft.AgencyId is { } agency) await db.EnsureAgenciesServeAsync(meeting.ProvinceId, [agency], cancellationToken);
        if (place is { } duty && !await db.Neighbourhoods.AnyAsync(n => n.Id == duty && n.IsActive && n.County!.IsActive && n.County.Province!.IsActive, cancellationToken))
            throw new RequestRefusedException(Text.Get("Geography.NeighbourhoodInactive"));
    }

    /// <summary>The agenda's needs and duties are of the meeting's scope (picked from its plan choices, not typed in).</summary>
    public static async Task EnsureAgendaFitsAsync(this ISalamDbContext db, int provinceId, int? countyId, int? neighbourhoodId,
        IReadOnlyCollection<AgendaInput> agenda, CancellationToken cancellationToken)
    {
        var inScope = db.NeighbourhoodsOf(provinceId, countyId, neighbourhoodId).Select(n => n.Id);
        var needIds = agenda.Where(a => a.Kind == AgendaItemKind.TopNeed).Select(a => a.NeedId).OfType<int>().Distinct().ToList();
        var dutyIds = agenda.Where(a => a.Kind == AgendaItemKind.LateDuty).Select(a => a.DutyId).OfType<int>().Distinct().ToList();
        if (needIds.Count > 0 && await db.Needs.CountAsync(n => needIds.Contains(n.Id) && inScope.Contains(n.NeighbourhoodId), cancellationToken) != needIds.Count
            || dutyIds.Count > 0 && await db.Duties.CountAsync(d => dutyIds.Contains(d.Id) && inScope.Contains(d.NeighbourhoodId), cancellationToken) != dutyIds.Count)
            throw new RequestRefusedException(Text.Get("Meeting.AgendaOutsideScope"));
    }
}
