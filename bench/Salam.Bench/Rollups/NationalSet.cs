using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
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
/// Writes the synthetic country into a new database (a SQLite file or a PostgreSQL database): the schema by the app's own
/// migrations, then every row in bulk (prepared inserts in large transactions on SQLite, binary COPY on PostgreSQL; no EF
/// change tracking: millions of rows in minutes, not hours).
/// </summary>
public static class NationalSet
{
    public static Task<int> GenerateAsync(string scaleName, string? path, string? postgres, CancellationToken cancellationToken) =>
        (path, postgres) switch
        {
            (not null, null) => GenerateAsync(Scale.Parse(scaleName), SetDatabase.Sqlite(path), cancellationToken),
            (null, not null) => GenerateAsync(Scale.Parse(scaleName), SetDatabase.Postgres(postgres), cancellationToken),
            _ => throw new BenchException("pass --out <file> (SQLite) or --postgres <connection string> (PostgreSQL), one of them"),
        };

    private static async Task<int> GenerateAsync(Scale scale, SetDatabase target, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        Console.WriteLine($"generate: {scale.Name} set into {target.Where}: {scale.Provinces} provinces, {scale.Counties:N0} counties, {scale.Neighbourhoods:N0} neighbourhoods");
        await target.RecreateAsync(cancellationToken);
        await using (var db = target.Context(asTheAppRuns: false))
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

        await target.WriteRowsAsync(rows =>
        {
            var writer = new Writer(rows, new Random(1405), DateTimeOffset.UtcNow, scale);
            writer.Geography();
            writer.Residents();
            writer.Needs();
            writer.RoundsAndBallots();
            writer.Duties();
            writer.Volunteers();
        }, cancellationToken);
        await using (var db = target.Context(asTheAppRuns: false))
            await DashboardAccounts.AddAsync(db, cancellationToken); // the officer and facilitator name places written above
        Console.WriteLine($"generate: done in {started.Elapsed.TotalSeconds:F1}s; {target.Size()}");
        return 0;
    }
}
