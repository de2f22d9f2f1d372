using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Reports;

namespace Salam.Application.Public.Common;

/// <summary>
/// The public pages' figures, read only from the latest roll-up snapshot of each place (never from raw ballots or duties): a
/// national audience costs a few seeks, and every page shows the same figures the dashboards and open data do.
/// </summary>
internal static class PublicSnapshots
{
    /// <summary>The latest snapshot's figures of one place (or the nation); zeros and no time before the first roll-up.</summary>
    public static async Task<PublicFigures> FiguresAsync(this ISalamDbContext db, RollupLevel level, int scopeId, CancellationToken cancellationToken)
    {
        var s = await LatestSnapshots.Query(db, level, [scopeId])
            .Select(s => new
            {
                s.ComputedAt, s.RegisteredResidents, s.Voters, s.ParticipationRate, s.DutiesTotal, s.DutiesDone, s.DutiesDoneOnTime, s.DutiesOverdue,
                s.OnTimeCompletionRate, s.Volunteers, s.MeetingsHeld, s.CompletionsConfirmed, s.CompletionsDisputed, s.CompletionsUnanswered,
                Delivery = s.Breakdowns.Where(b => b.Kind == BreakdownKind.DutyDoneAgencyKind || b.Kind == BreakdownKind.DutyDoneOnTimeAgencyKind)
                    .Select(b => new { b.Kind, b.Key, b.Value }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (s is null) return new PublicFigures(null, 0, 0, 0, 0, 0, 0, 0, 0, PublicCount.Of(0), 0, PublicCount.Of(0), PublicCount.Of(0), 0, []);

        var byKind = s.Delivery.Where(b => b.Kind == BreakdownKind.DutyDoneAgencyKind && b.Value > 0).OrderBy(b => b.Key)
            .Select(done =>
            {
                var onTime = s.Delivery.Where(b => b.Kind == BreakdownKind.DutyDoneOnTimeAgencyKind && b.Key == done.Key).Sum(b => b.Value);
                return new AgencyKindDelivery((AgencyKind)done.Key, done.Value, onTime, (double)onTime / done.Value);
            }).ToList();
        return new PublicFigures(s.ComputedAt, s.RegisteredResidents, s.Voters, s.ParticipationRate, s.DutiesTotal, s.DutiesDone, s.DutiesDoneOnTime,
            s.DutiesOverdue, s.OnTimeCompletionRate, PublicCount.Of(s.Volunteers), s.MeetingsHeld, PublicCount.Of(s.CompletionsConfirmed),
            PublicCount.Of(s.CompletionsDisputed), s.CompletionsUnanswered, byKind);
    }

    /// <summary>Places of one level side by side (a province's counties, the nation's provinces), each from its latest snapshot; a place not yet rolled up shows zeros.</summary>
    public static async Task<List<PublicPlaceLine>> LinesAsync(this ISalamDbContext db, RollupLevel level, IReadOnlyList<(int Id, string Code, PlaceName Name)> places,
        CancellationToken cancellationToken)
    {
        if (places.Count == 0) return [];
        var latest = await LatestSnapshots.Query(db, level, [.. places.Select(p => p.Id)])
            .Select(s => new { s.ScopeId, s.ParticipationRate, s.DutiesDone, s.OnTimeCompletionRate, s.DutiesOverdue })
            .ToDictionaryAsync(s => s.ScopeId, cancellationToken);
        return places.Select(p => latest.TryGetValue(p.Id, out var s)
                ? new PublicPlaceLine(p.Code, p.Name, s.ParticipationRate, s.DutiesDone, s.OnTimeCompletionRate, s.DutiesOverdue)
                : new PublicPlaceLine(p.Code, p.Name, 0, 0, 0, 0))
            .ToList();
    }
}
