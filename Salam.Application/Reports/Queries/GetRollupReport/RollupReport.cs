using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;

namespace Salam.Application.Reports.Queries.GetRollupReport;

/// <summary>One level of places side by side (provinces, a province's counties, or a county's neighbourhoods), with the place above as the total.</summary>
public sealed record RollupReport(RollupLevel Level, IReadOnlyList<ReportCrumb> Trail, RollupRow? Total, IReadOnlyList<RollupRow> Rows, IReadOnlyList<TrendPoint> Trend)
{
    /// <summary>When the figures shown were computed: the newest snapshot among them.</summary>
    public DateTimeOffset? ComputedAt => Rows.Select(r => (DateTimeOffset?)r.ComputedAt).Append(Total?.ComputedAt).Max();
}

/// <summary>A step of the drill-down path: the nation, a province, a county.</summary>
public sealed record ReportCrumb(RollupLevel Level, int Id, PlaceName Name);

/// <summary>
/// A place's latest snapshot, as every table and export shows it. Meetings held count the place's own meetings and those of
/// the places under it; decision duties are the duties meetings decided in the place, and how many of them were done on time.
/// Completions: of the duties marked Done, those residents confirmed (yes or partly), disputed (five "no": status Disputed), not yet answered.
/// Donations in whole rials (cash and vows): received counts at the province and the nation only (null below: a centre is a
/// province's), allocated and delivered where they went. Volunteer minutes count where the volunteer lives, by the shift's skill
/// (<see cref="VolunteerSkill.None"/>: a shift open to any skill); goods count by item.
/// </summary>
public sealed record RollupRow(
    int Id, PlaceName Name, DateTimeOffset ComputedAt,
    int Residents, int BallotsOnline, int BallotsPaper, int Voters, double Participation,
    int NeedsProposed, int NeedsApproved,
    int DutiesTotal, int DutiesDone, int DutiesOverdue, double OnTimeRate, int Volunteers,
    int MeetingsHeld, int DecisionDuties, int DecisionDutiesOnTime,
    IReadOnlyList<CategoryShare> Categories,
    IReadOnlyList<Tally<DutyStatus>> DutiesByStatus,
    IReadOnlyList<Tally<AgencyKind>> DutiesByAgency,
    IReadOnlyList<Tally<VolunteerSkill>> VolunteersBySkill,
    int CompletionsConfirmed = 0, int CompletionsDisputed = 0, int CompletionsUnanswered = 0,
    long? DonationsReceivedRials = null, long DonationsAllocatedRials = 0, long DonationsDeliveredRials = 0, long VolunteerMinutes = 0,
    IReadOnlyList<Tally<VolunteerSkill>>? MinutesBySkill = null, IReadOnlyList<ItemFigures>? Items = null)
{
    /// <summary>Attended hours, to a tenth (integer arithmetic: minutes are never rounded up into an hour not worked).</summary>
    public decimal VolunteerHours => HoursOf(VolunteerMinutes);

    public static decimal HoursOf(long minutes) => minutes / 60 + minutes % 60 * 10 / 60 / 10m;

    public int Ballots => BallotsOnline + BallotsPaper;

    /// <summary>
    /// Of the duties meetings decided here, the share (0..1) delivered on time, i.e. done by their due date; null while
    /// no meeting has decided a duty, so "none decided" never reads as "none delivered".
    /// </summary>
    public double? DecisionsOnTimeShare => DecisionDuties == 0 ? null : (double)DecisionDutiesOnTime / DecisionDuties;

    /// <summary>The top need categories, by their share of the Borda points cast.</summary>
    public IEnumerable<CategoryShare> TopCategories(int count = 3) => Categories.Take(count);
}

/// <summary>A need category's Borda points and their share (0..1) of all points cast in the place.</summary>
public sealed record CategoryShare(NeedCategory Category, long Points, double Share);

public sealed record Tally<T>(T Key, long Count) where T : struct, Enum;

/// <summary>Goods of one item: received (null below the province, like the rials), allocated and, of them, delivered.</summary>
public sealed record ItemFigures(AidItem Item, long? Received, long Allocated, long Delivered);

/// <summary>One snapshot of the total's place over time, for the trend chart.</summary>
public sealed record TrendPoint(DateTimeOffset ComputedAt, double Participation, int Ballots, double OnTimeRate, int DutiesOverdue);
