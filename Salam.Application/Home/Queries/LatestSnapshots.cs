using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Reports;

namespace Salam.Application.Home.Queries;

/// <summary>The headline figures of a place's latest roll-up snapshot: what the home pages show instead of counting raw rows.</summary>
public sealed record SnapshotFigures(int ScopeId, DateTimeOffset ComputedAt, int Residents, int Ballots, int Needs, int Duties, int OverdueDuties, int Volunteers)
{
    public static SnapshotFigures None(int scopeId) => new(scopeId, default, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Reads the latest snapshot of each place of a level (each found by two seeks on the unique (Level, ScopeId, ComputedAt)
/// index), never the raw ballots, residents, needs, duties or volunteers: those are counted once per roll-up, not per page view.
/// </summary>
internal static class LatestSnapshots
{
    public static async Task<Dictionary<int, SnapshotFigures>> ReadAsync(ISalamDbContext db, RollupLevel level, IReadOnlyCollection<int> scopeIds, CancellationToken cancellationToken)
    {
        if (scopeIds.Count == 0) return [];
        return await Query(db, level, [.. scopeIds])
            .Select(s => new SnapshotFigures(s.ScopeId, s.ComputedAt, s.RegisteredResidents, s.BallotsOnline + s.BallotsPaper,
                s.NeedsProposed, s.DutiesTotal, s.DutiesOverdue, s.Volunteers))
            .ToDictionaryAsync(s => s.ScopeId, cancellationToken);
    }

    /// <summary>The latest snapshot of each of the places: the one query both the home pages and the roll-up report read through.</summary>
    public static IQueryable<RollupSnapshot> Query(ISalamDbContext db, RollupLevel level, List<int> scopeIds) =>
        db.RollupSnapshots.AsNoTracking()
            .Where(s => s.Level == level && scopeIds.Contains(s.ScopeId)
                && s.ComputedAt == db.RollupSnapshots.Where(l => l.Level == level && l.ScopeId == s.ScopeId).Max(l => l.ComputedAt));

    /// <summary>When the figures shown were computed: the newest of their snapshots (a place unchanged since keeps its older one); null when none has been.</summary>
    public static DateTimeOffset? AsOf(this IReadOnlyDictionary<int, SnapshotFigures> latest) =>
        latest.Count == 0 ? null : latest.Values.Max(s => s.ComputedAt);

    public static SnapshotFigures Of(this IReadOnlyDictionary<int, SnapshotFigures> latest, int scopeId) =>
        latest.TryGetValue(scopeId, out var figures) ? figures : SnapshotFigures.None(scopeId);
}
