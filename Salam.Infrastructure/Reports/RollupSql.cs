using System.Globalization;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// The roll-up's statements, in the SQL that SQLite, SQL Server and PostgreSQL share (quoted names, CASE, CAST AS FLOAT,
/// bitwise &amp;); the few differences come from <see cref="RollupDialect"/>.
/// Neighbourhoods are computed from the raw tables with one GROUP BY per table; each level above from the latest
/// snapshots of the level below, so an incremental run reads the raw rows of the marked neighbourhoods only.
/// Every enum value in the text comes from the code's enums when the text is built (see <see cref="Value{T}"/>), so a new
/// status, skill or kind reaches the reports without anyone editing SQL.
/// </summary>
internal sealed partial class RollupSql(RollupMode mode, RollupDialect dialect)
{
    private string Marked => $"SELECT \"NeighbourhoodId\" FROM \"RollupMarks\" WHERE \"Claimed\" = {dialect.True}";
    private bool Full => mode == RollupMode.Full;

    /// <summary>An enum value as the integer the database stores (every enum is mapped to its number).</summary>
    private static string Value<T>(T value) where T : struct, Enum => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string Values<T>(IEnumerable<T> values) where T : struct, Enum => string.Join(", ", values.Select(Value));

    private static string Level(RollupLevel level) => Value(level);


    /// <summary>Volunteers who count: every status but inactive (withdrawn or stood down).</summary>
    private static string CountedVolunteer(string status) => $"{status} <> {Value(VolunteerStatus.Inactive)}";

    private static readonly string Finished = Values(Duty.FinishedStatuses);
    private static readonly string Done = Value(DutyStatus.Done);

    private string InNeighbourhoods(string column) => Full ? "1 = 1" : $"{column} IN ({Marked})";

    private string InCounties(string column) => Full ? "1 = 1" : $"{column} IN (SELECT mn.\"CountyId\" FROM \"Neighbourhoods\" mn WHERE {InNeighbourhoods("mn.\"Id\"")})";

    private string InProvinces(string column) => Full ? "1 = 1" : $"{column} IN (SELECT mc.\"ProvinceId\" FROM \"Counties\" mc WHERE {InCounties("mc.\"Id\"")})";

    public string ClaimMarks => $"UPDATE \"RollupMarks\" SET \"Claimed\" = {dialect.True} WHERE \"Claimed\" <> {dialect.True}";
    public string CountClaimed => $"SELECT CAST(COUNT(*) AS BIGINT) AS \"Value\" FROM \"RollupMarks\" WHERE \"Claimed\" = {dialect.True}";
    public string DeleteClaimed => $"DELETE FROM \"RollupMarks\" WHERE \"Claimed\" = {dialect.True}";

    /// <summary>The snapshots this run is about to write, if an earlier run of the same minute wrote them already.</summary>
    private string ThisRunsScopes => $"""
        "ComputedAt" = @at AND (("Level" = {Level(RollupLevel.Neighbourhood)} AND {InNeighbourhoods("\"ScopeId\"")})
            OR ("Level" = {Level(RollupLevel.County)} AND {InCounties("\"ScopeId\"")})
            OR ("Level" = {Level(RollupLevel.Province)} AND {InProvinces("\"ScopeId\"")}) OR "Level" = {Level(RollupLevel.National)})
        """;

    public string DeleteSameMinuteBreakdowns => $"DELETE FROM \"RollupBreakdowns\" WHERE \"SnapshotId\" IN (SELECT \"Id\" FROM \"RollupSnapshots\" WHERE {ThisRunsScopes})";

    public string DeleteSameMinuteSnapshots => $"DELETE FROM \"RollupSnapshots\" WHERE {ThisRunsScopes}";

    private const string Columns = """
        "Level", "ScopeId", "ComputedAt", "RegisteredResidents", "BallotsOnline", "BallotsPaper", "Voters", "ParticipationRate",
        "NeedsProposed", "NeedsApproved", "DutiesTotal", "DutiesDone", "DutiesDoneOnTime", "DutiesOverdue", "OnTimeCompletionRate", "Volunteers",
        "MeetingsHeld", "DecisionDuties", "DecisionDutiesDoneOnTime", "CompletionsConfirmed", "CompletionsDisputed", "CompletionsUnanswered",
        "DonationsReceivedRials", "DonationsAllocatedRials", "DonationsDeliveredRials", "VolunteerMinutes"
        """;

    public string InsertNeighbourhoods => $"""
        INSERT INTO "RollupSnapshots" ({Columns})
        SELECT {Level(RollupLevel.Neighbourhood)}, n."Id", @at, COALESCE(r.c, 0), COALESCE(b.online, 0), COALESCE(b.paper, 0), COALESCE(b.voters, 0),
            CASE WHEN COALESCE(r.c, 0) = 0 THEN 0 ELSE CAST(COALESCE(b.voters, 0) AS FLOAT) / r.c END,
            COALESCE(nd.proposed, 0), COALESCE(nd.approved, 0), COALESCE(d.total, 0), COALESCE(d.done, 0), COALESCE(d.ontime, 0), COALESCE(d.overdue, 0),
            CASE WHEN COALESCE(d.done, 0) = 0 THEN 0 ELSE CAST(d.ontime AS FLOAT) / d.done END,
            COALESCE(v.c, 0), COALESCE(mt.c, 0), COALESCE(dd.total, 0), COALESCE(dd.ontime, 0),
            COALESCE(cp.confirmed, 0), COALESCE(cp.disputed, 0), COALESCE(cp.unanswered, 0),
            0, COALESCE(ga.allocated, 0), COALESCE(ga.delivered, 0), COALESCE(vm.minutes, 0)
        FROM "Neighbourhoods" n
        LEFT JOIN (SELECT "NeighbourhoodId" AS nid, COUNT(*) AS c FROM "Residents"
            WHERE {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId") r ON r.nid = n."Id"
        LEFT JOIN (SELECT pr."NeighbourhoodId" AS nid, SUM(CASE WHEN b."Channel" = {Value(BallotChannel.Online)} THEN 1 ELSE 0 END) AS online,
                SUM(CASE WHEN b."Channel" = {Value(BallotChannel.Paper)} THEN 1 ELSE 0 END) AS paper, COUNT(DISTINCT b."ResidentId") AS voters
            FROM "Ballots" b JOIN "PriorityRounds" pr ON pr."Id" = b."RoundId"
            WHERE {InNeighbourhoods("pr.\"NeighbourhoodId\"")} GROUP BY pr."NeighbourhoodId") b ON b.nid = n."Id"
        LEFT JOIN (SELECT "NeighbourhoodId" AS nid, COUNT(*) AS proposed, SUM(CASE WHEN "Status" = {Value(NeedStatus.Approved)} THEN 1 ELSE 0 END) AS approved
            FROM "Needs" WHERE {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId") nd ON nd.nid = n."Id"
        LEFT JOIN (SELECT "NeighbourhoodId" AS nid, COUNT(*) AS total, SUM(CASE WHEN "Status" = {Done} THEN 1 ELSE 0 END) AS done,
                SUM(CASE WHEN "Status" = {Done} AND "CompletedOnTime" = {dialect.True} THEN 1 ELSE 0 END) AS ontime,
                SUM(CASE WHEN "OverdueSince" IS NOT NULL AND "Status" NOT IN ({Finished}) THEN 1 ELSE 0 END) AS overdue
            FROM "Duties" WHERE {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId") d ON d.nid = n."Id"
        LEFT JOIN (SELECT "NeighbourhoodId" AS nid, COUNT(*) AS c FROM "Volunteers"
            WHERE {CountedVolunteer("\"Status\"")} AND {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId") v ON v.nid = n."Id"
        {NeighbourhoodMeetings}
        {NeighbourhoodCompletions}
        {NeighbourhoodAllocations}
        {NeighbourhoodVolunteerMinutes}
        WHERE {InNeighbourhoods("n.\"Id\"")}
        """;

    /// <summary>One row per skill flag of the enum, to join volunteers' skill bits against.</summary>
    private static string Skills => string.Join(" UNION ALL ", VolunteerFlags.Skills.Select(skill => $"SELECT {Value(skill)} AS flag"));

    /// <summary>The neighbourhood breakdowns, each a GROUP BY that lands on this run's snapshot of the neighbourhood.</summary>
    public IEnumerable<string> InsertNeighbourhoodBreakdowns()
    {
        var groups = new[]
        {
            // Borda points: rank 1 of K earns K, rank K earns 1; a category's share is its points over all points.
            $"""
            SELECT pr."NeighbourhoodId" AS nid, {Value(BreakdownKind.NeedCategoryPoints)} AS kind, nd."Category" AS k, SUM(pr."MaxRanks" + 1 - e."Rank") AS v
            FROM "BallotEntry" e JOIN "Ballots" b ON b."Id" = e."BallotId" JOIN "PriorityRounds" pr ON pr."Id" = b."RoundId"
                JOIN "Needs" nd ON nd."Id" = e."NeedId"
            WHERE {InNeighbourhoods("pr.\"NeighbourhoodId\"")} GROUP BY pr."NeighbourhoodId", nd."Category"
            """,
            $"""
            SELECT "NeighbourhoodId" AS nid, {Value(BreakdownKind.DutyStatus)} AS kind, "Status" AS k, COUNT(*) AS v FROM "Duties"
            WHERE {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId", "Status"
            """,
            $"""
            SELECT d."NeighbourhoodId" AS nid, {Value(BreakdownKind.DutyAgencyKind)} AS kind, a."Kind" AS k, COUNT(*) AS v FROM "Duties" d JOIN "Agencies" a ON a."Id" = d."AgencyId"
            WHERE {InNeighbourhoods("d.\"NeighbourhoodId\"")} GROUP BY d."NeighbourhoodId", a."Kind"
            """,
            $"""
            SELECT vo."NeighbourhoodId" AS nid, {Value(BreakdownKind.VolunteerSkill)} AS kind, sk.flag AS k, COUNT(*) AS v FROM "Volunteers" vo JOIN ({Skills}) sk ON (vo."Skills" & sk.flag) <> 0
            WHERE {CountedVolunteer("vo.\"Status\"")} AND {InNeighbourhoods("vo.\"NeighbourhoodId\"")} GROUP BY vo."NeighbourhoodId", sk.flag
            """,
            DoneByAgencyKind(BreakdownKind.DutyDoneAgencyKind, onTime: false),
            DoneByAgencyKind(BreakdownKind.DutyDoneOnTimeAgencyKind, onTime: true),
            ItemsGivenOut(BreakdownKind.ItemsAllocated, delivered: false),
            ItemsGivenOut(BreakdownKind.ItemsDelivered, delivered: true),
            MinutesBySkill,
        };
        return groups.Select(group => $"""
            INSERT INTO "RollupBreakdowns" ("SnapshotId", "Kind", "Key", "Value")
            SELECT s."Id", g.kind, g.k, g.v FROM ({group}) g
            JOIN "RollupSnapshots" s ON s."Level" = {Level(RollupLevel.Neighbourhood)} AND s."ScopeId" = g.nid AND s."ComputedAt" = @at
            """);
    }

    /// <summary>
    /// One level up: a county from its neighbourhoods, a province from its counties, the nation from its provinces. The
    /// breakdowns are the children's sums, then (for a province) the figures counted at its own level.
    /// </summary>
    public (string Snapshots, IReadOnlyList<string> Breakdowns) InsertLevel(RollupLevel level)
    {
        // the geography table of the child level, the parent's id in it, and which parents this run recomputes
        var national = RollupSnapshot.NationalScope.ToString(CultureInfo.InvariantCulture);
        var (geography, parent, parents) = level switch
        {
            RollupLevel.County => ("Neighbourhoods", "g.\"CountyId\"", InCounties("g.\"CountyId\"")),
            RollupLevel.Province => ("Counties", "g.\"ProvinceId\"", InProvinces("g.\"ProvinceId\"")),
            RollupLevel.National => ("Provinces", national, "1 = 1"),
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        var (child, self) = (Level(level - 1), Level(level));
        var ownMeetings = OwnMeetings(level, parent);
        var ownDonations = OwnDonations(level, parent);
        var groupBy = level == RollupLevel.National ? "" : $"GROUP BY {parent}";
        // The latest snapshot of each child: this run's for the recomputed ones, an earlier run's for the rest. It is found
        // from the child place (two seeks on the unique index), never by scanning a level's snapshots, whose history grows.
        string Children(string joins = "") => $"""
            FROM "{geography}" g
            JOIN "RollupSnapshots" s ON s."Id" = (SELECT l."Id" FROM "RollupSnapshots" l WHERE l."Level" = {child} AND l."ScopeId" = g."Id"
                AND l."ComputedAt" = (SELECT MAX(m."ComputedAt") FROM "RollupSnapshots" m WHERE m."Level" = {child} AND m."ScopeId" = g."Id"))
            {joins}
            WHERE {parents}
            """;
        var snapshots = $"""
            INSERT INTO "RollupSnapshots" ({Columns})
            SELECT {self}, {parent}, @at, COALESCE(SUM(s."RegisteredResidents"), 0), COALESCE(SUM(s."BallotsOnline"), 0),
                COALESCE(SUM(s."BallotsPaper"), 0), COALESCE(SUM(s."Voters"), 0),
                CASE WHEN COALESCE(SUM(s."RegisteredResidents"), 0) = 0 THEN 0 ELSE CAST(SUM(s."Voters") AS FLOAT) / SUM(s."RegisteredResidents") END,
                COALESCE(SUM(s."NeedsProposed"), 0), COALESCE(SUM(s."NeedsApproved"), 0), COALESCE(SUM(s."DutiesTotal"), 0),
                COALESCE(SUM(s."DutiesDone"), 0), COALESCE(SUM(s."DutiesDoneOnTime"), 0), COALESCE(SUM(s."DutiesOverdue"), 0),
                CASE WHEN COALESCE(SUM(s."DutiesDone"), 0) = 0 THEN 0 ELSE CAST(SUM(s."DutiesDoneOnTime") AS FLOAT) / SUM(s."DutiesDone") END,
                COALESCE(SUM(s."Volunteers"), 0), COALESCE(SUM(s."MeetingsHeld"), 0) + {(ownMeetings is null ? "0" : "COALESCE(MAX(om.c), 0)")},
                COALESCE(SUM(s."DecisionDuties"), 0), COALESCE(SUM(s."DecisionDutiesDoneOnTime"), 0),
                COALESCE(SUM(s."CompletionsConfirmed"), 0), COALESCE(SUM(s."CompletionsDisputed"), 0), COALESCE(SUM(s."CompletionsUnanswered"), 0),
                COALESCE(SUM(s."DonationsReceivedRials"), 0) + {(ownDonations is null ? "0" : "COALESCE(MAX(od.rials), 0)")},
                COALESCE(SUM(s."DonationsAllocatedRials"), 0), COALESCE(SUM(s."DonationsDeliveredRials"), 0), COALESCE(SUM(s."VolunteerMinutes"), 0)
            {Children($"{ownMeetings}\n{ownDonations}")}
            {groupBy}
            """;
        var breakdowns = $"""
            INSERT INTO "RollupBreakdowns" ("SnapshotId", "Kind", "Key", "Value")
            SELECT p."Id", b."Kind", b."Key", SUM(b."Value")
            {Children($"""
                JOIN "RollupBreakdowns" b ON b."SnapshotId" = s."Id"
                JOIN "RollupSnapshots" p ON p."Level" = {self} AND p."ScopeId" = {parent} AND p."ComputedAt" = @at
                """)}
            GROUP BY p."Id", b."Kind", b."Key"
            """;
        return (snapshots, level == RollupLevel.Province ? [breakdowns, OwnItemsReceived] : [breakdowns]);
    }
}
