using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;
using Salam.Application.Geography.Common;
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
        await SeedGivingAsync(country, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // The first snapshots, so the national and province dashboards are not empty before the job's first run.
        await rollups.RunAsync(RollupMode.Full, _now, cancellationToken);
        logger.LogInformation("Demo data seeded: {Provinces} provinces, {Neighbourhoods} neighbourhoods, {Residents} residents",
            country.Provinces.Count, country.Neighbourhoods.Count, residents.Count);
    }

    private sealed record Country(List<Province> Provinces, List<Neighbourhood> Neighbourhoods, List<Centre> Centres, List<Agency> Agencies);

    /// <summary>
    /// Provinces, counties and neighbourhoods come in through the administrator's geography import (rows built in memory), so the
    /// demo and a real country's file follow the same rules; then the centres and agencies the demo adds around them.
    /// </summary>
    private async Task<Country> SeedGeographyAsync(CancellationToken cancellationToken)
    {
        var rows = DemoGeography.ImportRows();
        var report = await new GeographyImport(db).ApplyAsync(rows, cancellationToken);
        if (report.Refused > 0)
            throw new InvalidOperationException($"The demo geography has refused rows: {string.Join("; ", report.Rows.Where(r => !r.Accepted).Select(r => $"{r.Code}: {r.Reason}"))}");

        // Tracked by the import's save: looked up by code, in the seed's order, which the rest of the demo relies on.
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, cancellationToken);
        var counties = await db.Counties.ToDictionaryAsync(c => c.Code, cancellationToken);
        var neighbourhoods = await db.Neighbourhoods.ToDictionaryAsync(n => n.Code, cancellationToken);
        var country = new Country([], [], [], []);
        foreach (var seed in DemoGeography.Provinces)
        {
            var province = provinces[seed.Code];
            country.Provinces.Add(province);
            foreach (var (countySeed, countyIndex) in seed.Counties.Select((c, i) => (c, i + 1)))
            {
                var countyCode = DemoGeography.CountyCode(seed.Code, countyIndex);
                var places = countySeed.Neighbourhoods.Select((_, i) => neighbourhoods[DemoGeography.NeighbourhoodCode(countyCode, i + 1)]).ToList();
                foreach (var centreSeed in countySeed.Centres)
                {
                    var centre = new Centre(province.Id, centreSeed.NameFa, centreSeed.NameEn, centreSeed.AddressFa);
                    db.Centres.Add(centre);
                    country.Centres.Add(centre);
                    foreach (var index in centreSeed.ServesNeighbourhoodIndexes) places[index].ServedBy(centre);
                }
                country.Neighbourhoods.AddRange(places);
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
