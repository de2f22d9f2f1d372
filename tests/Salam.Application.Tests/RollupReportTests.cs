using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.Reports;
using Salam.Testing;

namespace Salam.Application.Tests;

public sealed class RollupReportTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<int> ProvinceAsync(string code) => _app.ReadAsync(db => db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_national_table_has_every_province_and_the_nation_as_its_total()
    {
        var report = await _app.SendAsync<RollupReport>(await _app.PrincipalOfAsync("ministry"), new GetRollupReport(RollupLevel.Province));
        Assert.Equal(await _app.ReadAsync(db => db.Provinces.CountAsync()), report.Rows.Count);
        Assert.NotNull(report.Total);
        Assert.Equal(report.Rows.Sum(r => r.Residents), report.Total!.Residents);
        Assert.Equal(report.Rows.Sum(r => r.Ballots), report.Total.Ballots);
        Assert.NotNull(report.ComputedAt);
        var withCategories = report.Rows.Where(r => r.Categories.Count > 0).ToList();
        Assert.NotEmpty(withCategories);
        Assert.All(withCategories, r => Assert.Equal(1.0, r.Categories.Sum(c => c.Share), 6));
    }

    [Fact]
    public async Task An_officer_sees_their_own_province_and_is_refused_another_s_counties()
    {
        var officer = await _app.PrincipalOfAsync("officer.qom");
        var own = await _app.SendAsync<RollupReport>(officer, new GetRollupReport(RollupLevel.Province));
        Assert.Equal([await ProvinceAsync("QOM")], own.Rows.Select(r => r.Id));
        var qomCounties = await _app.ReadAsync(async db => await db.Counties.Where(c => c.Province!.NameEn == "Qom").Select(c => c.Id).OrderBy(i => i).ToListAsync());
        var counties = await _app.SendAsync<RollupReport>(officer, new GetRollupReport(RollupLevel.County, await ProvinceAsync("QOM")));
        Assert.Equal(qomCounties, counties.Rows.Select(r => r.Id).Order());

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<RollupReport>(officer, new GetRollupReport(RollupLevel.County, await ProvinceAsync("MZN"))));
        var sari = await _app.ReadAsync(db => db.Counties.Where(c => c.NameEn == "Sari").Select(c => c.Id).SingleAsync());
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<RollupReport>(officer, new GetRollupReport(RollupLevel.Neighbourhood, sari)));
    }

    [Fact]
    public async Task Facilitators_cannot_read_the_report()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<RollupReport>(await _app.PrincipalOfAsync("facilitator.pardisan"), new GetRollupReport(RollupLevel.Province)));
    }

    [Fact]
    public async Task The_report_reads_snapshots_so_a_change_shows_only_after_the_next_roll_up()
    {
        var ministry = await _app.PrincipalOfAsync("ministry");
        var before = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Province));
        var neighbourhood = await _app.ReadAsync(db => db.Neighbourhoods.Select(n => n.Id).FirstAsync());
        await _app.ReadAsync(async db =>
        {
            db.Residents.Add(new Domain.People.Resident(neighbourhood, "ساکن تازه", Domain.People.MobileNumber.Parse("09359999999"), null, _app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var unchanged = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Province));
        Assert.Equal(before.Total!.Residents, unchanged.Total!.Residents);

        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        await _app.RunRollupAsync(RollupMode.Incremental);
        var after = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Province));
        Assert.Equal(before.Total.Residents + 1, after.Total!.Residents);
        Assert.True(after.ComputedAt > before.ComputedAt);
        Assert.Equal(2, after.Trend.Count);
    }
}
