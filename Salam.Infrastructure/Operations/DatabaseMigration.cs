using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Operations;

/// <summary>
/// <c>migrate</c>: brings the configured database (SQLite, SQL Server or PostgreSQL) to the latest migration and stops, so an operator
/// can migrate once before starting the web nodes. Never seeds. Safe to run again: a database already up to date is left alone.
/// </summary>
public static class DatabaseMigration
{
    public static async Task<OperatorOutcome> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        // The same rule as the start: outside Development a missing file is a lost database, not an invitation to make one.
        if (provider.GetService<SqliteDatabaseFile>() is { Exists: false } file)
        {
            var environment = provider.GetRequiredService<IHostEnvironment>();
            if (!environment.IsDevelopment() && !provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.CreateIfMissing)
                return OperatorOutcome.Refused($"The database file {file.Path} does not exist, and in {environment.EnvironmentName} a missing database "
                    + "is never created silently. If it was moved or deleted, restore it (or correct ConnectionStrings:Sqlite). To create a new, "
                    + "empty database on purpose, run the command again with Database__CreateIfMissing=true. Nothing was written.");
            file.Create();
        }

        var db = provider.GetRequiredService<SalamDbContext>();
        try
        {
            await ServerDatabase.RefuseIfMissingAsync(db, provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<IOptions<DatabaseOptions>>().Value, cancellationToken);
        }
        catch (DatabaseMissingException missing)
        {
            return OperatorOutcome.Refused(missing.Message + " Nothing was written.");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        // WAL is a property of the file: set here as the start does, so nodes started afterwards find it so.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await DatabaseIdentity.EnsureAsync(db, provider.GetRequiredService<TimeProvider>(), cancellationToken);

        var where = db.Database.IsSqlite() ? $"SQLite database {provider.GetService<SqliteDatabaseFile>()?.Path}"
            : db.Database.IsNpgsql() ? $"PostgreSQL database {db.Database.GetDbConnection().Database}" : $"SQL Server database {db.Database.GetDbConnection().Database}";
        return OperatorOutcome.Done(pending.Count == 0
            ? $"The {where} is up to date: no migration to apply."
            : $"Applied {pending.Count} migration(s) to the {where}: {string.Join(", ", pending)}.");
    }
}
