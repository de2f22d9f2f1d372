using System.Globalization;
using Salam.Infrastructure.Jobs;

namespace Salam.E2E.Tests;

/// <summary>
/// What Hangfire's shared PostgreSQL storage (schema <c>hangfire</c>) says about the jobs the nodes ran: read from its
/// tables, as the dashboard of either node would show them.
/// </summary>
internal sealed class TwoNodesJobs(TwoNodesDatabase database)
{
    /// <summary>Jobs made from a recurring job by a trigger (the dashboard's "Trigger now"), not by the schedule.</summary>
    private static string Triggered(string recurringJobId) => $"""
        FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' AND p.value = '"{recurringJobId}"'
        WHERE j.id > @after AND NOT EXISTS (SELECT 1 FROM hangfire.state s WHERE s.jobid = j.id AND s.reason = 'Triggered by recurring job scheduler')
        """;

    public Task<long> LastJobIdAsync() => database.ScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM hangfire.job");

    /// <summary>Waits until this many triggered jobs of the recurring job (made after <paramref name="after"/>) succeeded; returns their ids.</summary>
    public async Task<List<long>> WaitForSucceededAsync(string recurringJobId, long after, int count, Func<string> diagnostics)
    {
        await database.WaitUntilAsync($"{count} run(s) of {recurringJobId} to succeed",
            $"SELECT COUNT(*) {Triggered(recurringJobId)} AND j.statename = 'Succeeded'", count, TimeSpan.FromMinutes(3), diagnostics, ("after", after));
        return [.. (await database.RowsAsync($"SELECT j.id {Triggered(recurringJobId)} ORDER BY j.id", ("after", after)))
            .Select(row => long.Parse(row[0], CultureInfo.InvariantCulture))];
    }

    /// <summary>The servers that took the job to process it, one per time it was run.</summary>
    public async Task<List<string>> RunsOfAsync(long jobId) =>
        [.. (await database.RowsAsync("SELECT data::json ->> 'ServerId' FROM hangfire.state WHERE jobid = @job AND name = 'Processing' ORDER BY id", ("job", jobId)))
            .Select(row => row[0])];

    /// <summary>The Hangfire servers alive on the storage (one per node, each with its workers).</summary>
    public Task<long> ServersAsync() => database.ScalarAsync<long>("SELECT COUNT(*) FROM hangfire.server");

    /// <summary>The recurring jobs defined on the storage: each node registers the same ids, so they are defined once.</summary>
    public async Task<List<string>> RecurringJobsAsync() =>
        [.. (await database.RowsAsync("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")).Select(row => row[0])];

    public static readonly string[] Registered = [CloseDueRoundsJob.Id, FlagOverdueDutiesJob.Id, RollupJob.FullId, RollupJob.IncrementalId, OutboxDrainJob.Id, NotificationRemindersJob.Id, OutboxRetentionJob.Id];
}
