using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// At start-up: find (or, when allowed, create) the database, apply migrations, tune SQLite for concurrent writers,
/// record which database this is, and either seed the demo country (Development) or refuse demo accounts (elsewhere).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer).FullName!);
        try
        {
            if (provider.GetService<SqliteDatabaseFile>() is { Exists: false } file) CreateOrRefuse(file, environment, options, logger);

            var db = provider.GetRequiredService<SalamDbContext>();
            await ServerDatabase.RefuseIfMissingAsync(db, environment, options, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers carry on while a ballot is written; it is a property of the file, so set once.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

            if (!environment.IsDevelopment())
            {
                if (options.SeedDemoData)
                    logger.LogWarning("Database:SeedDemoData is true but was ignored: demo data is seeded in Development only, and this is {Environment}", environment.EnvironmentName);
                await provider.GetRequiredService<DemoAccountCheck>().RefuseDemoAccountsAsync(environment.EnvironmentName, cancellationToken);
            }
            provider.GetRequiredService<StartedDatabase>().InstanceId =
                await DatabaseIdentity.EnsureAsync(db, provider.GetRequiredService<TimeProvider>(), cancellationToken);
            if (environment.IsDevelopment() && options.SeedDemoData) await provider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DemoAccountsFoundException or DatabaseFileMissingException or DatabaseMissingException)
        {
            logger.LogCritical("{Refusal}", exception.Message);
            throw;
        }
    }

    private static void CreateOrRefuse(SqliteDatabaseFile file, IHostEnvironment environment, DatabaseOptions options, ILogger logger)
    {
        if (!environment.IsDevelopment() && !options.CreateIfMissing)
            throw new DatabaseFileMissingException(file.Path!, environment.EnvironmentName);
        file.Create();
        if (environment.IsDevelopment()) logger.LogInformation("Created a new, empty database at {Path}", file.Path);
        else logger.LogWarning("Database:CreateIfMissing is true: created a new, empty database at {Path}", file.Path);
    }
}
