using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Persistence.Seeding;

/// <summary>Fills an empty database with a living demo country, once: a second start finds provinces and adds nothing.</summary>
public sealed partial class DemoDataSeeder(SalamDbContext db, IPasswordHasher<ApplicationUser> hasher, TimeProvider clock, IRollupEngine rollups, ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "Salam-1405";

    // Fixed, so every fresh database holds the same demo country and the README's accounts always exist.
    private readonly Random _random = new(1405);
    private DateTimeOffset _now;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Provinces.AnyAsync(cancellationToken)) return;
        _now = clock.GetUtcNow();

        // All or nothing: a crash half-way leaves an empty database, seeded again on the next start.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var country = await SeedGeographyAsync(cancellationToken);
        var residents = await SeedResidentsAsync(country, cancellationToken);
        await SeedAccountsAsync(country, cancellationToken);
        await SeedParticipationAsync(country, residents, cancellationToken);
        await SeedDutiesAsync(country, cancellationToken);
        await SeedVolunteersAsync(residents, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // The first snapshots, so the national and province dashboards are not empty before the job's first run.
        await rollups.RunAsync(RollupMode.Full, _now, cancellationToken);
        logger.LogInformation("Demo data seeded: {Provinces} provinces, {Neighbourhoods} neighbourhoods, {Residents} residents",
            country.Provinces.Count, country.Neighbourhoods.Count, residents.Count);
    }

    private sealed record Country(List<Province> Provinces, List<Neighbourhood> Neighbourhoods, List<Centre> Centres, List<Agency> Agencies);

    private async Task<Country> SeedGeographyAsync(CancellationToken cancellationToken)
    {
        var country = new Country([], [], [], []);
        foreach (var seed in DemoGeography.Provinces)
        {
            var province = new Province(seed.Code, seed.NameFa, seed.NameEn);
            db.Provinces.Add(province);
            await db.SaveChangesAsync(cancellationToken);
            country.Provinces.Add(province);

            foreach (var (countySeed, countyIndex) in seed.Counties.Select((c, i) => (c, i + 1)))
            {
                var county = new County(province.Id, $"{seed.Code}-{countyIndex:D2}", countySeed.NameFa, countySeed.NameEn);
                db.Counties.Add(county);
                await db.SaveChangesAsync(cancellationToken);
                var neighbourhoods = countySeed.Neighbourhoods.Select((n, i) => new Neighbourhood(county.Id, $"{county.Code}-{i + 1:D3}", n.NameFa, n.NameEn)).ToList();
                foreach (var centreSeed in countySeed.Centres)
                {
                    var centre = new Centre(province.Id, centreSeed.NameFa, centreSeed.NameEn, centreSeed.AddressFa);
                    db.Centres.Add(centre);
                    country.Centres.Add(centre);
                    foreach (var index in centreSeed.ServesNeighbourhoodIndexes) neighbourhoods[index].ServedBy(centre);
                }
                db.Neighbourhoods.AddRange(neighbourhoods);
                country.Neighbourhoods.AddRange(neighbourhoods);
            }
            country.Agencies.AddRange(seed.Agencies.Select(a => new Agency(a.NameFa, a.NameEn, Enum.Parse<AgencyKind>(a.Kind), province.Id)));
        }
        country.Agencies.AddRange(DemoGeography.NationalAgencies.Select(a => new Agency(a.NameFa, a.NameEn, Enum.Parse<AgencyKind>(a.Kind), null)));
        db.Agencies.AddRange(country.Agencies);
        await db.SaveChangesAsync(cancellationToken);
        return country;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
