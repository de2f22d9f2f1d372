using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;

namespace Salam.Application.Reports.Queries.GetRollupReport;

/// <summary>Reading snapshots: the latest of each place, a place's trend, and a snapshot as a table row.</summary>
internal static class RollupReading
{
    public static async Task<Dictionary<int, RollupSnapshot>> LatestAsync(ISalamDbContext db, RollupLevel level, List<int> scopeIds, CancellationToken cancellationToken) =>
        await LatestSnapshots.Query(db, level, scopeIds).Include(s => s.Breakdowns).ToDictionaryAsync(s => s.ScopeId, cancellationToken);

    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(ISalamDbContext db, RollupLevel level, int scopeId, int length, CancellationToken cancellationToken)
    {
        var points = await db.RollupSnapshots.AsNoTracking().Where(s => s.Level == level && s.ScopeId == scopeId)
            .OrderByDescending(s => s.ComputedAt).Take(length)
            .Select(s => new TrendPoint(s.ComputedAt, s.ParticipationRate, s.BallotsOnline + s.BallotsPaper, s.OnTimeCompletionRate, s.DutiesOverdue))
            .ToListAsync(cancellationToken);
        points.Reverse();
        return points;
    }

    public static RollupRow Row(int id, PlaceName name, RollupSnapshot s)
    {
        var points = s.Breakdowns.Where(b => b.Kind == BreakdownKind.NeedCategoryPoints).Sum(b => (long)b.Value);
        return new RollupRow(id, name, s.ComputedAt,
            s.RegisteredResidents, s.BallotsOnline, s.BallotsPaper, s.Voters, s.ParticipationRate,
            s.NeedsProposed, s.NeedsApproved, s.DutiesTotal, s.DutiesDone, s.DutiesOverdue, s.OnTimeCompletionRate, s.Volunteers,
            s.MeetingsHeld, s.DecisionDuties, s.DecisionDutiesDoneOnTime,
            [.. s.Breakdowns.Where(b => b.Kind == BreakdownKind.NeedCategoryPoints).OrderByDescending(b => b.Value).ThenBy(b => b.Key)
                .Select(b => new CategoryShare((NeedCategory)b.Key, b.Value, points == 0 ? 0 : (double)b.Value / points))],
            Tallies<DutyStatus>(s, BreakdownKind.DutyStatus),
            Tallies<AgencyKind>(s, BreakdownKind.DutyAgencyKind),
            Tallies<VolunteerSkill>(s, BreakdownKind.VolunteerSkill),
            s.CompletionsConfirmed, s.CompletionsDisputed, s.CompletionsUnanswered,
            s.Level >= RollupLevel.Province ? s.DonationsReceivedRials : null, s.DonationsAllocatedRials, s.DonationsDeliveredRials, s.VolunteerMinutes,
            Tallies<VolunteerSkill>(s, BreakdownKind.VolunteerMinutesSkill), Items(s));
    }

    /// <summary>Every item any of the three goods breakdowns names, in the enum's order.</summary>
    private static List<ItemFigures> Items(RollupSnapshot s)
    {
        long Of(BreakdownKind kind, int item) => s.Breakdowns.Where(b => b.Kind == kind && b.Key == item).Sum(b => b.Value);
        return [.. s.Breakdowns.Where(b => b.Kind is BreakdownKind.ItemsReceived or BreakdownKind.ItemsAllocated or BreakdownKind.ItemsDelivered)
            .Select(b => b.Key).Distinct().Order()
            .Select(item => new ItemFigures((AidItem)item, s.Level >= RollupLevel.Province ? Of(BreakdownKind.ItemsReceived, item) : null,
                Of(BreakdownKind.ItemsAllocated, item), Of(BreakdownKind.ItemsDelivered, item)))];
    }

    private static List<Tally<T>> Tallies<T>(RollupSnapshot s, BreakdownKind kind) where T : struct, Enum =>
        [.. s.Breakdowns.Where(b => b.Kind == kind).OrderByDescending(b => b.Value).ThenBy(b => b.Key)
            .Select(b => new Tally<T>((T)Enum.ToObject(typeof(T), b.Key), b.Value))];
}
