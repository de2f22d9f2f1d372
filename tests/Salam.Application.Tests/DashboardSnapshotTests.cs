using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.Reports;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// The national, province and facilitator homes show the roll-up's figures, not counts of the raw rows: equal to the report
/// after a roll-up, unchanged by new ballots and residents until the next one, and zeros with no time before the first.
/// Each test on a fresh demo database of its own (the demo seeding ends with a full roll-up).
/// </summary>
public sealed class DashboardSnapshotTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<NationalHome> NationalAsync() => await _app.SendAsync<NationalHome>(await _app.PrincipalOfAsync("ministry"), new GetNationalHome());

    private async Task<ProvinceHome> ProvinceAsync() => await _app.SendAsync<ProvinceHome>(await _app.PrincipalOfAsync("officer.qom"), new GetProvinceHome());

    private async Task<FacilitatorHome> FacilitatorAsync() => await _app.SendAsync<FacilitatorHome>(await _app.PrincipalOfAsync("facilitator.pardisan"), new GetFacilitatorHome());

    private static void AssertSame(RollupRow expected, PlaceFigures actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal((expected.Residents, expected.Ballots, expected.NeedsProposed, expected.DutiesTotal, expected.DutiesOverdue),
            (actual.Residents, actual.Ballots, actual.Needs, actual.Duties, actual.OverdueDuties));
    }

    [Fact]
    public async Task The_national_home_shows_each_provinces_latest_roll_up()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        var report = await _app.SendAsync<RollupReport>(await _app.PrincipalOfAsync("ministry"), new GetRollupReport(RollupLevel.Province));
        var home = await NationalAsync();

        Assert.Equal(report.Rows.Select(r => r.Id).Order(), home.Provinces.Select(p => p.Id).Order());
        foreach (var row in report.Rows) AssertSame(row, home.Provinces.Single(p => p.Id == row.Id));
        Assert.Equal((report.Total!.Residents, report.Total.Ballots, report.Total.Volunteers, report.Total.DutiesOverdue),
            (home.Residents, home.Ballots, home.Volunteers, home.OverdueDuties));
        Assert.Equal(report.ComputedAt, home.AsOf);
        Assert.True(home.Ballots > 0, "the demo country has ballots");
    }

    [Fact]
    public async Task The_province_home_shows_its_counties_latest_roll_up_and_only_its_own()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        var qom = await _app.ReadAsync(db => db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync());
        var report = await _app.SendAsync<RollupReport>(await _app.PrincipalOfAsync("officer.qom"), new GetRollupReport(RollupLevel.County, qom));
        var home = await ProvinceAsync();

        Assert.Equal(["Kahak", "Qom"], home.Counties.Select(c => c.Name.En).Order());
        Assert.Equal(report.Rows.Select(r => r.Id).Order(), home.Counties.Select(c => c.Id).Order());
        foreach (var row in report.Rows) AssertSame(row, home.Counties.Single(c => c.Id == row.Id));
        Assert.Equal(report.ComputedAt, home.AsOf);
    }

    [Fact]
    public async Task The_facilitator_home_shows_each_neighbourhoods_residents_from_its_latest_roll_up()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        var home = await FacilitatorAsync();
        var ids = home.Neighbourhoods.Select(n => n.Id).ToList();
        var snapshots = await _app.ReadAsync(async db => (await db.RollupSnapshots.AsNoTracking()
                .Where(s => s.Level == RollupLevel.Neighbourhood && ids.Contains(s.ScopeId)).ToListAsync())
            .GroupBy(s => s.ScopeId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ComputedAt)!));

        Assert.Equal(ids.Order(), snapshots.Keys.Order());
        Assert.All(home.Neighbourhoods, n => Assert.Equal(snapshots[n.Id].RegisteredResidents, n.Residents));
        Assert.Equal(snapshots.Values.Max(s => s.ComputedAt), home.AsOf);
    }

    [Fact]
    public async Task New_ballots_and_residents_show_on_the_homes_only_after_the_next_roll_up_but_the_open_rounds_turnout_at_once()
    {
        var (national, province, facilitator) = (await NationalAsync(), await ProvinceAsync(), await FacilitatorAsync());
        var (roundId, pardisan, _, needs) = await _app.PardisanOpenRoundAsync();
        foreach (var _ in Enumerable.Range(0, 2))
            await _app.SendAsync<BallotReceipt>(await _app.NewResidentAsync(pardisan), new SubmitBallot(roundId, [needs[0], needs[1]]));

        var (national2, province2, facilitator2) = (await NationalAsync(), await ProvinceAsync(), await FacilitatorAsync());
        Assert.Equal((national.Residents, national.Ballots, national.AsOf), (national2.Residents, national2.Ballots, national2.AsOf));
        Assert.Equal(Figures(province), Figures(province2));
        Assert.Equal(Row(facilitator, pardisan).Residents, Row(facilitator2, pardisan).Residents);
        Assert.Equal(Row(facilitator, pardisan).BallotsInOpenRounds + 2, Row(facilitator2, pardisan).BallotsInOpenRounds);

        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        await _app.RunRollupAsync(RollupMode.Incremental);

        var (national3, province3, facilitator3) = (await NationalAsync(), await ProvinceAsync(), await FacilitatorAsync());
        Assert.Equal((national.Residents + 2, national.Ballots + 2), (national3.Residents, national3.Ballots));
        Assert.Equal((province.Counties.Sum(c => c.Residents) + 2, province.Counties.Sum(c => c.Ballots) + 2),
            (province3.Counties.Sum(c => c.Residents), province3.Counties.Sum(c => c.Ballots)));
        Assert.Equal(Row(facilitator, pardisan).Residents + 2, Row(facilitator3, pardisan).Residents);
        Assert.True(national3.AsOf > national.AsOf && province3.AsOf > province.AsOf && facilitator3.AsOf > facilitator.AsOf);
    }

    [Fact]
    public async Task Before_the_first_roll_up_the_homes_show_zeros_and_no_time_rather_than_an_error()
    {
        await _app.ReadAsync(db => db.RollupSnapshots.ExecuteDeleteAsync());

        var national = await NationalAsync();
        var province = await ProvinceAsync();
        var facilitator = await FacilitatorAsync();

        Assert.Null(national.AsOf);
        Assert.Equal(4, national.Provinces.Count);
        Assert.Equal((0, 0, 0, 0), (national.Residents, national.Ballots, national.Volunteers, national.OverdueDuties));
        Assert.True(national.Neighbourhoods > 0, "the geography is counted live");
        Assert.Null(province.AsOf);
        Assert.All(province.Counties, c => Assert.Equal((0, 0, 0), (c.Residents, c.Ballots, c.Duties)));
        Assert.Null(facilitator.AsOf);
        Assert.All(facilitator.Neighbourhoods, n => Assert.Equal(0, n.Residents));
    }

    private static FacilitatorNeighbourhoodRow Row(FacilitatorHome home, int id) => home.Neighbourhoods.Single(n => n.Id == id);

    private static string Figures(ProvinceHome home) => string.Join(';', home.Counties.Select(c => $"{c.Id}:{c.Residents}/{c.Ballots}/{c.Needs}/{c.Duties}")) + $"@{home.AsOf:O}";
}
