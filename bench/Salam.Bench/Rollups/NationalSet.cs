using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Bench.Rollups;

/// <summary>How big a synthetic country is. National: DESIGN.md's bar; small: about 1% of it, for tests and quick looks.</summary>
public sealed record Scale(string Name, int Provinces, int Counties, int Neighbourhoods)
{
    public const int ResidentsPerNeighbourhood = 100;
    public const int NeedsPerNeighbourhood = 8;       // 6 approved, 1 proposed, 1 rejected
    public const int FirstRoundVoters = 55;           // of the 100 residents, in last year's closed round …
    public const int SecondRoundVoters = 45;          // … and in this year's open one: 100 ballots per neighbourhood
    public const int DutiesPerNeighbourhood = 10;
    public const int VolunteersPerNeighbourhood = 5;
    public const int Ranks = 5;

    public static Scale Parse(string name) => name switch
    {
        "national" => new Scale(name, 31, 430, 20_000),
        "small" => new Scale(name, 31, 43, 200),
        _ => throw new BenchException($"--scale must be national or small, not {name}"),
    };
}

/// <summary>
/// Writes the synthetic country into a new SQLite file: the schema by the app's own migrations, then every row by
/// prepared inserts in large transactions (no EF change tracking: millions of rows in minutes, not hours).
/// </summary>
public static partial class NationalSet
{
    public static async Task<int> GenerateAsync(string scaleName, string path, CancellationToken cancellationToken)
    {
        var scale = Scale.Parse(scaleName);
        var started = Stopwatch.StartNew();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        Console.WriteLine($"generate: {scale.Name} set into {path}: {scale.Provinces} provinces, {scale.Counties:N0} counties, {scale.Neighbourhoods:N0} neighbourhoods");

        var options = new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new SqliteSalamDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
            // One ministry account (the demo password), so the dashboard can be measured over HTTP on this set.
            var ministry = new ApplicationUser
            {
                UserName = "ministry", NormalizedUserName = "MINISTRY", FullName = "ستاد ملی", Role = Role.MinistryStaff,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            ministry.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(ministry, DemoDataSeeder.DemoPassword);
            db.Users.Add(ministry);
            await db.SaveChangesAsync(cancellationToken);
        }
        Console.WriteLine($"generate: schema by the app's migrations in {started.Elapsed.TotalSeconds:F1}s");

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        var writer = new Writer(connection, new Random(1405), DateTimeOffset.UtcNow, scale);
        writer.Geography();
        writer.Residents();
        writer.Needs();
        writer.RoundsAndBallots();
        writer.Duties();
        writer.Volunteers();
        await DashboardAccounts.AddAsync(path, cancellationToken); // the officer and facilitator name places written above
        var analyse = Stopwatch.StartNew();
        Exec(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        Console.WriteLine($"generate: ANALYZE (statistics for the query planner, as a running database has them) in {analyse.Elapsed.TotalSeconds:F1}s");
        Console.WriteLine($"generate: done in {started.Elapsed.TotalSeconds:F1}s; {new FileInfo(path).Length / 1_048_576.0:F0} MB");
        return 0;
    }

    internal static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
