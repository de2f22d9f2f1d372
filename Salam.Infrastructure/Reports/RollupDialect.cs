using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Where the roll-up's SQL differs between SQLite, SQL Server and PostgreSQL, and only there: how "true" is written for a
/// boolean column, how a run takes the lock that serialises runs across nodes, and how the run's time is passed.
/// </summary>
internal sealed record RollupDialect(string True, string? RunLock, Func<DateTimeOffset, object> Time)
{
    // SQLite's transaction already holds the whole file (BEGIN IMMEDIATE); it stores DateTimeOffset as the model's sortable number.
    private static readonly RollupDialect Sqlite = new("1", null, at => new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!);

    // An application lock owned by the transaction: released by its commit or rollback, or when a killed node's session ends.
    private static readonly RollupDialect SqlServer = new("1",
        "EXEC sp_getapplock @Resource = 'salam-rollup', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", at => at);

    // A transaction-level advisory lock: the same guarantees as sp_getapplock. The key is fixed ("salam-rollup" as a number).
    private static readonly RollupDialect PostgreSql = new("TRUE", "SELECT pg_advisory_xact_lock(7310846412405263215)", at => at.ToUniversalTime());

    public static RollupDialect For(DatabaseFacade database) =>
        database.IsSqlite() ? Sqlite
        : database.IsSqlServer() ? SqlServer
        : database.IsNpgsql() ? PostgreSql
        : throw new NotSupportedException($"No roll-up SQL for the provider {database.ProviderName}.");
}
