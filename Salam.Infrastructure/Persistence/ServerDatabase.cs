using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// The server providers' counterpart of the SQLite file rule: EF would create a missing database while migrating, so outside
/// Development a database that is not there (a wrong name, a lost server) is refused unless Database:CreateIfMissing says so.
/// </summary>
internal static class ServerDatabase
{
    public static async Task RefuseIfMissingAsync(SalamDbContext db, IHostEnvironment environment, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() || environment.IsDevelopment() || options.CreateIfMissing) return;
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            throw new DatabaseMissingException(db.Database.GetDbConnection().Database, environment.EnvironmentName);
    }
}

/// <summary>A server database named by the connection string does not exist, outside Development.</summary>
public sealed class DatabaseMissingException(string database, string environmentName) : InvalidOperationException(
    $"Salam refuses to start in {environmentName}: the database \"{database}\" does not exist on the server, and outside Development a "
    + "missing database is never replaced by a new, empty one. Correct the connection string if it names the wrong database; to create a new, "
    + "empty database on purpose, run the migrate command once with Database__CreateIfMissing=true.");
