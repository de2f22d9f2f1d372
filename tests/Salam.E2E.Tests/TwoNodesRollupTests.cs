using System.Globalization;
using Salam.Infrastructure.Jobs;

namespace Salam.E2E.Tests;

/// <summary>
/// The roll-up on two nodes, run as the real recurring jobs through Hangfire on the shared storage, triggered from the
/// jobs dashboard (/jobs, administrators) as an operator would: triggered on both nodes at once it writes one set of
/// snapshots; a node killed half-way through a full run leaves nothing, and the next full run on the other node writes
/// what a clean run writes.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodesRollupTests(TwoNodesCluster cluster)
{
    private const string Snapshots = "SELECT \"Level\", \"ScopeId\", \"ComputedAt\" FROM \"RollupSnapshots\" WHERE \"Id\" > @after ORDER BY 1, 2";

    [PostgreSqlFact]
    public async Task The_incremental_rollup_triggered_on_both_nodes_at_once_writes_one_set_of_snapshots()
    {
        await using var database = await cluster.NewDatabaseAsync();
        await using var a = TwoNodesNode.Start("A", database.ConnectionString);
        await using var b = TwoNodesNode.Start("B", database.ConnectionString);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        var jobs = new TwoNodesJobs(database);
        string Logs() => a.Log + "\n---\n" + b.Log;

        // One ballot marks its neighbourhood for the next incremental run.
        var voter = (await database.RowsAsync(TwoNodesSql.Voters, ("n", 1)))[0];
        using (var resident = new TwoNodesVisitor())
        {
            await resident.SignInResidentAsync(a, voter[0]);
            var (voted, _) = await resident.PostFormAcrossAsync(a, a, $"/rounds/{voter[1]}/ballot", "ballot", TwoNodesSql.Ranks(0, 1));
            Assert.EndsWith("/ballot?saved=1", voted.Headers.Location?.OriginalString);
        }
        Assert.True(await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"RollupMarks\"") > 0);
        var lastSnapshot = await database.ScalarAsync<long>("SELECT MAX(\"Id\") FROM \"RollupSnapshots\"");
        var lastJob = await jobs.LastJobIdAsync();

        using var admin = new TwoNodesVisitor();
        await admin.SignInStaffAsync(a, "admin");
        await Task.WhenAll(admin.TriggerRecurringJobAsync(a, RollupJob.IncrementalId), admin.TriggerRecurringJobAsync(b, RollupJob.IncrementalId));
        var triggered = await jobs.WaitForSucceededAsync(RollupJob.IncrementalId, lastJob, 2, Logs);

        // Two triggers, two jobs, each run exactly once; one roll-up did the work, the other found the marks claimed and
        // wrote nothing (a run that writes logs its figures).
        Assert.Equal(2, triggered.Count);
        foreach (var job in triggered) Assert.Single(await jobs.RunsOfAsync(job));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Logs(), @"Roll-up \(Incremental\) at"));
        var written = await database.RowsAsync(Snapshots, ("after", lastSnapshot));
        Assert.Single(written.Select(row => row[2]).Distinct());
        Assert.Equal(["0", "1", "2", "3"], written.Select(row => row[0]));
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"RollupMarks\""));

        // Both nodes registered the same recurring jobs at their start: defined once on the storage, served by two servers.
        Assert.Equal(TwoNodesJobs.Registered.Order(), await jobs.RecurringJobsAsync());
        Assert.Equal(2, await jobs.ServersAsync());
    }

    /// <summary>Every figure of the latest snapshots, place by place, with their breakdowns; no ids, no times.</summary>
    private const string LatestFigures = """
        SELECT s."Level", s."ScopeId", s."RegisteredResidents", s."BallotsOnline", s."BallotsPaper", s."Voters", s."ParticipationRate",
            s."NeedsProposed", s."NeedsApproved", s."DutiesTotal", s."DutiesDone", s."DutiesDoneOnTime", s."DutiesOverdue",
            s."OnTimeCompletionRate", s."Volunteers",
            (SELECT string_agg(k."Kind" || '/' || k."Key" || '=' || k."Value", ',' ORDER BY k."Kind", k."Key") FROM "RollupBreakdowns" k WHERE k."SnapshotId" = s."Id")
        FROM "RollupSnapshots" s WHERE s."ComputedAt" = (SELECT MAX("ComputedAt") FROM "RollupSnapshots") ORDER BY 1, 2
        """;

    private const string Counts = "SELECT (SELECT COUNT(*) FROM \"RollupSnapshots\") || '/' || (SELECT COUNT(*) FROM \"RollupBreakdowns\") || '/' || (SELECT COUNT(*) FROM \"RollupMarks\")";

    private const string Slots = "SELECT DISTINCT \"ComputedAt\"::text FROM \"RollupSnapshots\" ORDER BY 1";

    /// <summary>The node's roll-up statement held back by the test's lock, inside its open transaction, having written already.</summary>
    private static string HeldRollup(TwoNodesDatabase database) => $"""
        SELECT COALESCE(MAX(pid), 0) FROM pg_stat_activity WHERE datname = '{database.Name}' AND wait_event_type = 'Lock'
            AND query LIKE 'INSERT INTO "RollupSnapshots"%' AND backend_xid IS NOT NULL
        """;

    [PostgreSqlFact]
    public async Task A_node_killed_during_a_full_rollup_leaves_nothing_and_the_next_full_run_on_the_other_node_writes_what_a_clean_run_writes()
    {
        await using var database = await cluster.NewDatabaseAsync();
        var jobs = new TwoNodesJobs(database);
        await using var a = TwoNodesNode.Start("A", database.ConnectionString);
        await a.WaitUntilHealthyAsync();
        using var adminOnA = new TwoNodesVisitor();
        await adminOnA.SignInStaffAsync(a, "admin");

        var lastJob = await jobs.LastJobIdAsync();
        await adminOnA.TriggerRecurringJobAsync(a, RollupJob.FullId);
        await jobs.WaitForSucceededAsync(RollupJob.FullId, lastJob, 1, () => a.Log);
        var clean = await database.RowsAsync(LatestFigures);
        var (countsBefore, slotsBefore) = (await database.ScalarAsync<string>(Counts), await database.RowsAsync(Slots));

        // The national level reads the provinces: held there, node A has written its neighbourhoods, counties and provinces.
        int held;
        await using (await database.HoldLockAsync("Provinces", "ACCESS EXCLUSIVE"))
        {
            await adminOnA.TriggerRecurringJobAsync(a, RollupJob.FullId);
            await database.WaitUntilAsync("node A's full roll-up to be held mid-transaction", $"SELECT CASE WHEN ({HeldRollup(database)}) > 0 THEN 1 ELSE 0 END",
                1, TimeSpan.FromMinutes(2), () => a.Log);
            held = await database.ScalarAsync<int>(HeldRollup(database));
            await a.KillAsync();
        }
        await database.WaitUntilAsync("the killed node's session to end", $"SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = {held}) THEN 0 ELSE 1 END",
            1, TimeSpan.FromMinutes(1));
        Assert.Equal(countsBefore, await database.ScalarAsync<string>(Counts));

        await using var b = TwoNodesNode.Start("B", database.ConnectionString);
        await b.WaitUntilHealthyAsync();
        using var adminOnB = new TwoNodesVisitor();
        await adminOnB.SignInStaffAsync(b, "admin");
        lastJob = await jobs.LastJobIdAsync();
        await adminOnB.TriggerRecurringJobAsync(b, RollupJob.FullId);
        await jobs.WaitForSucceededAsync(RollupJob.FullId, lastJob, 1, () => b.Log);

        Assert.Equal(Text(clean), Text(await database.RowsAsync(LatestFigures)));
        var slotsAfter = await database.RowsAsync(Slots);
        Assert.True(slotsAfter.Count - slotsBefore.Count <= 1, $"slots before {Text(slotsBefore)}, after {Text(slotsAfter)}");
        Assert.Subset(Text(slotsAfter).Split('\n').ToHashSet(), Text(slotsBefore).Split('\n').ToHashSet());
    }

    private static string Text(List<string[]> rows) => string.Join("\n", rows.Select(row => string.Join("|", row)));
}
