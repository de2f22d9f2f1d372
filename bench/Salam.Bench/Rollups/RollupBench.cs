using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Salam.Application.Common.Interfaces;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Reports;

namespace Salam.Bench.Rollups;

/// <summary>
/// On one database, in one process: the app's full roll-up, the hand-written GROUP BY floor, each twice (the better
/// time counts, so neither pays for a cold cache), then 1% of neighbourhoods change and the incremental roll-up runs.
/// </summary>
public static class RollupBench
{
    public static Task<int> RunAsync(string? path, string? postgres, CancellationToken cancellationToken) =>
        (path, postgres) switch
        {
            (not null, null) => RunAsync(SetDatabase.Sqlite(path), $"--out {path}", cancellationToken),
            (null, not null) => RunAsync(SetDatabase.Postgres(postgres), $"--postgres \"{postgres}\"", cancellationToken),
            _ => throw new BenchException("pass --db <file> (SQLite) or --postgres <connection string> (PostgreSQL), one of them"),
        };

    private static async Task<int> RunAsync(SetDatabase set, string generateWith, CancellationToken cancellationToken)
    {
        if (!set.Exists()) throw new BenchException($"No database at {set.Where}: make one with generate --scale national {generateWith}");
        await using var db = set.Context(asTheAppRuns: true);
        var path = set.Where;
        var engine = new RollupEngine(db, Environment.GetEnvironmentVariable("SALAM_ROLLUP_TRACE") is null ? NullLogger<RollupEngine>.Instance : new TraceLogger());
        var neighbourhoods = await db.Neighbourhoods.CountAsync(cancellationToken);
        var ballots = await db.Ballots.CountAsync(cancellationToken);
        Console.WriteLine($"rollup: {path}: {neighbourhoods:N0} neighbourhoods, {ballots:N0} ballots");

        var now = DateTimeOffset.UtcNow;
        double full = double.MaxValue, floor = double.MaxValue;
        for (var pass = 1; pass <= 2; pass++)
        {
            var watch = Stopwatch.StartNew();
            var run = await engine.RunAsync(RollupMode.Full, now.AddMinutes(pass - 1), cancellationToken); // a minute apart: a new snapshot each, as scheduled runs make
            full = Math.Min(full, watch.Elapsed.TotalSeconds);
            Console.WriteLine($"rollup: pass {pass}: full roll-up {watch.Elapsed.TotalSeconds:F2}s ({run.Neighbourhoods:N0} neighbourhoods, {run.Counties:N0} counties, {run.Provinces} provinces, national)");

            watch.Restart();
            var rows = await Floor.RunAsync(db, cancellationToken);
            floor = Math.Min(floor, watch.Elapsed.TotalSeconds);
            Console.WriteLine($"rollup: pass {pass}: GROUP BY floor {watch.Elapsed.TotalSeconds:F2}s ({rows:N0} grouped rows read, summed up to every level)");
        }

        var changed = await ChangeOnePercentAsync(db, neighbourhoods, now, cancellationToken);
        var timer = Stopwatch.StartNew();
        var incremental = await engine.RunAsync(RollupMode.Incremental, now.AddMinutes(2), cancellationToken);
        var seconds = timer.Elapsed.TotalSeconds;
        Console.WriteLine($"rollup: {changed:N0} neighbourhoods changed (a resident registered in each, through EF and its marks); incremental: " +
            $"{incremental.Neighbourhoods:N0} neighbourhoods, {incremental.Counties:N0} counties, {incremental.Provinces} provinces, national in {seconds:F2}s");

        // The dashboard probe is the dashboard benchmark's (it takes the SQLite context); on PostgreSQL that benchmark runs over HTTP.
        if (db is SqliteSalamDbContext sqlite) Console.WriteLine(await DashboardProbe.RunAsync(sqlite, cancellationToken));
        Console.WriteLine($"rollup: full={Say.N(full, "F2")}s floor={Say.N(floor, "F2")}s ratio={Say.N(full / floor, "F2")} " +
            $"incremental={Say.N(seconds, "F2")}s ({Say.N(100 * seconds / full, "F1")}% of full)");
        return 0;
    }

    /// <summary>One new resident in each of 1% of the neighbourhoods, spread across the country, saved as the app saves.</summary>
    private static async Task<int> ChangeOnePercentAsync(SalamDbContext db, int neighbourhoods, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, neighbourhoods / 100);
        var ids = await db.Neighbourhoods.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(cancellationToken);
        var random = new Random(5);
        var next = await db.Residents.CountAsync(cancellationToken);
        foreach (var id in ids.OrderBy(_ => random.Next()).Take(count))
            db.Residents.Add(new Resident(id, $"ساکن تازه {++next}", MobileNumber.Parse($"0980{next:D7}"), null, now));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return count;
    }
}

/// <summary>With SALAM_ROLLUP_TRACE set, prints the time of every roll-up statement, to see where a run spends it.</summary>
internal sealed class TraceLogger : Microsoft.Extensions.Logging.ILogger<RollupEngine>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine("trace: " + formatter(state, exception).ReplaceLineEndings(" "));
}
