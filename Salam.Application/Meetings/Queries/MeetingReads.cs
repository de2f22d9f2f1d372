using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetPublicMinutes;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Rounds;

namespace Salam.Application.Meetings.Queries;

/// <summary>A neighbourhood's latest published round and its leading results (positions 1…n), as the meeting reads show them.</summary>
public sealed record PublishedRound(int RoundId, int NeighbourhoodId, PlaceName Neighbourhood, string Title, DateTimeOffset ClosedAt, int Ballots,
    IReadOnlyList<PublishedResult> Top);

public sealed record PublishedResult(int Position, int NeedId, string Title, int Score);

/// <summary>What the meeting queries share: a scope's name and neighbourhoods, and its neighbourhoods' latest published results.</summary>
internal static class MeetingReads
{
    /// <summary>The scope's own name: the neighbourhood's, the county's or the province's.</summary>
    public static Task<PlaceName> ScopeNameAsync(this ISalamDbContext db, int provinceId, int? countyId, int? neighbourhoodId, CancellationToken cancellationToken) =>
        neighbourhoodId is { } n ? db.Neighbourhoods.Where(x => x.Id == n).Select(x => new PlaceName(x.NameFa, x.NameEn)).SingleAsync(cancellationToken)
        : countyId is { } c ? db.Counties.Where(x => x.Id == c).Select(x => new PlaceName(x.NameFa, x.NameEn)).SingleAsync(cancellationToken)
        : db.Provinces.Where(x => x.Id == provinceId).Select(x => new PlaceName(x.NameFa, x.NameEn)).SingleAsync(cancellationToken);

    /// <summary>
    /// For each of these neighbourhoods, its latest round that the officer published (a closed round's results wait for them, as
    /// the results page and the resident's home do) with its <paramref name="top"/> results; neighbourhoods without one are left out.
    /// </summary>
    public static async Task<List<PublishedRound>> LatestPublishedRoundsAsync(this ISalamDbContext db, IQueryable<int> neighbourhoodIds, int top,
        CancellationToken cancellationToken)
    {
        var published = await db.PriorityRounds.AsNoTracking()
            .Where(r => neighbourhoodIds.Contains(r.NeighbourhoodId) && r.Status == RoundStatus.Published)
            .Select(r => new { r.Id, r.NeighbourhoodId, r.ClosesAt })
            .ToListAsync(cancellationToken);
        var latestIds = published.GroupBy(r => r.NeighbourhoodId)
            .Select(g => g.OrderByDescending(r => r.ClosesAt).ThenByDescending(r => r.Id).First().Id).ToList();
        if (latestIds.Count == 0) return [];

        var rounds = await db.PriorityRounds.AsNoTracking().Where(r => latestIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.NeighbourhoodId, r.Title, ClosedAt = r.ClosedAt ?? r.ClosesAt,
                Neighbourhood = db.Neighbourhoods.Where(n => n.Id == r.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).Single(),
                Ballots = db.Ballots.Count(b => b.RoundId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var results = await db.PriorityRounds.AsNoTracking().SelectMany(r => r.Results)
            .Where(x => latestIds.Contains(x.RoundId) && x.Position <= top)
            .Select(x => new { x.RoundId, x.Position, x.NeedId, x.Score })
            .ToListAsync(cancellationToken);
        var needIds = results.Select(x => x.NeedId).Distinct().ToList();
        var titles = await db.Needs.Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        return rounds
            .Select(r => new PublishedRound(r.Id, r.NeighbourhoodId, r.Neighbourhood, r.Title, r.ClosedAt, r.Ballots,
                results.Where(x => x.RoundId == r.Id).OrderBy(x => x.Position).ThenBy(x => x.NeedId)
                    .Select(x => new PublishedResult(x.Position, x.NeedId, titles[x.NeedId], x.Score)).ToList()))
            .OrderBy(r => r.Neighbourhood.Fa, StringComparer.Ordinal).ThenBy(r => r.NeighbourhoodId)
            .ToList();
    }

    /// <summary>
    /// Minutes published and marked public of the meetings whose scope holds this neighbourhood (its own, its county's, its
    /// province's), latest first, with their decisions and each resulting duty's progress; the organisations that came, no staff
    /// names. What a resident reads at home and anyone reads on the neighbourhood's public page.
    /// </summary>
    public static async Task<IReadOnlyList<PublicMinutes>> PublicMinutesOfAsync(this ISalamDbContext db, int provinceId, int countyId, int neighbourhoodId,
        DateOnly today, CancellationToken cancellationToken, int most = 50)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.MinutesPublished && m.MinutesPublic)
            .Where(m => m.NeighbourhoodId == neighbourhoodId
                || (m.NeighbourhoodId == null && m.CountyId == countyId)
                || (m.NeighbourhoodId == null && m.CountyId == null && m.ProvinceId == provinceId))
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(most)
            .Select(m => new { m.Id, m.Kind, m.Title, m.StartsAt, m.ProvinceId, m.CountyId, m.NeighbourhoodId, m.Attendees, m.Minutes })
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0) return [];
        var ids = meetings.Select(m => m.Id).ToList();
        var came = await db.Meetings.Where(m => ids.Contains(m.Id))
            .SelectMany(m => m.Organisations.Where(o => o.Attended).Select(o => new { o.MeetingId, o.Id, o.Kind, o.Name, o.AgencyId }))
            .ToListAsync(cancellationToken);
        var agencyIds = came.Select(o => o.AgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new PlaceName(a.NameFa, a.NameEn), cancellationToken);
        var decisions = await db.OfMeetingsAsync(ids, today, cancellationToken);
        // Every meeting shown is of the neighbourhood itself, its county or its province: three names at most.
        var neighbourhoodName = await db.ScopeNameAsync(provinceId, countyId, neighbourhoodId, cancellationToken);
        var countyName = await db.ScopeNameAsync(provinceId, countyId, null, cancellationToken);
        var provinceName = await db.ScopeNameAsync(provinceId, null, null, cancellationToken);

        return meetings.Select(m => new PublicMinutes(m.Id, m.Kind, m.Title, m.StartsAt,
            m.NeighbourhoodId is not null ? neighbourhoodName : m.CountyId is not null ? countyName : provinceName, m.Attendees,
            [.. came.Where(o => o.MeetingId == m.Id).OrderBy(o => o.Kind).ThenBy(o => o.Id)
                .Select(o => o.AgencyId is { } a ? agencies[a] : new PlaceName(o.Name ?? "", o.Name ?? ""))],
            m.Minutes, decisions.GetValueOrDefault(m.Id) ?? [])).ToList();
    }
}
