using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Runs the roll-up's set-based SQL in one transaction, on either provider. Runs are serialised (SQLite's write lock,
/// taken at BEGIN IMMEDIATE; an application lock on SQL Server, an advisory lock on PostgreSQL), so two at once behave as one after the other; a run
/// killed half-way rolls back whole and leaves its marks unclaimed for the next.
/// </summary>
public sealed class RollupEngine(SalamDbContext db, ILogger<RollupEngine> logger) : IRollupEngine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public async Task<RollupRun> RunAsync(RollupMode mode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = RollupSnapshot.SlotOf(now);
        var dialect = RollupDialect.For(db.Database);
        var sql = new RollupSql(mode, dialect);
        var time = dialect.Time(at);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        db.Database.SetCommandTimeout(Timeout);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (dialect.RunLock is { } runLock) await ExecuteAsync(runLock, time, cancellationToken);

        await ExecuteAsync(sql.ClaimMarks, time, cancellationToken);
        if (mode == RollupMode.Incremental && await ScalarAsync(sql.CountClaimed, cancellationToken) == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new RollupRun(at, mode, 0, 0, 0, National: false);
        }

        await ExecuteAsync(sql.DeleteSameMinuteBreakdowns, time, cancellationToken);
        await ExecuteAsync(sql.DeleteSameMinuteSnapshots, time, cancellationToken);
        var neighbourhoods = await ExecuteAsync(sql.InsertNeighbourhoods, time, cancellationToken);
        foreach (var breakdown in sql.InsertNeighbourhoodBreakdowns()) await ExecuteAsync(breakdown, time, cancellationToken);
        var written = new Dictionary<RollupLevel, int>();
        foreach (var level in (RollupLevel[])[RollupLevel.County, RollupLevel.Province, RollupLevel.National])
        {
            var (snapshots, breakdowns) = sql.InsertLevel(level);
            written[level] = await ExecuteAsync(snapshots, time, cancellationToken);
            foreach (var breakdown in breakdowns) await ExecuteAsync(breakdown, time, cancellationToken);
        }
        await ExecuteAsync(sql.DeleteClaimed, time, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Roll-up ({Mode}) at {At}: {Neighbourhoods} neighbourhoods, {Counties} counties, {Provinces} provinces in {Elapsed}",
            mode, at, neighbourhoods, written[RollupLevel.County], written[RollupLevel.Province], System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new RollupRun(at, mode, neighbourhoods, written[RollupLevel.County], written[RollupLevel.Province], written[RollupLevel.National] > 0);
    }

    // Through EF, so the command runs in the run's transaction and passes the context's interceptors like any other.
    private async Task<int> ExecuteAsync(string sql, object at, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameter = factory.CreateParameter();
        parameter.ParameterName = "@at";
        parameter.Value = at;
        var rows = await db.Database.ExecuteSqlRawAsync(sql, [parameter], cancellationToken);
        logger.LogDebug("Roll-up statement: {Rows} rows in {Elapsed}: {Sql}", rows, System.Diagnostics.Stopwatch.GetElapsedTime(started), sql[..Math.Min(sql.Length, 120)]);
        return rows;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<long>(sql).ToListAsync(cancellationToken)).Single();
}
