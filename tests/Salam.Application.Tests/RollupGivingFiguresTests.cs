using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.Campaigns;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// Donations (received, allocated, delivered, in whole rials and goods by item) and volunteers' attended minutes (by the shift's
/// skill), at every level, against the hand-counted country: received counts at the province and the nation only, the rest
/// where it went and sums up; the report reads the same figures, with no received figure below the province.
/// </summary>
public sealed class RollupGivingFiguresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RollupCountry.T0;

    /// <summary>A gift far beyond a 32-bit integer: sums must stay whole 64-bit rials on every provider.</summary>
    private const long Large = 5_000_000_000_000;

    private TestApp _app = default!;
    private readonly RollupCountry _country = new();
    private RollupGiving _giving = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: T0.AddDays(4));
        _giving = new RollupGiving(_country);
        await _app.ReadAsync(async db => { await _country.BuildAsync(db); await ArrangeAsync(db); return 0; });
        await _app.RunRollupAsync(RollupMode.Full);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Centre 1 (province 1): cash 1,000,000 received, 600,000 to neighbourhood 1 (delivered) and 300,000 to 3; a vow of
    /// 500,000 all to 2, delivered; a cash pledge and a cancelled pledge (not counted); 40 food packages, 25 to 1 (delivered)
    /// and 10 to 2; 12 hours of volunteer time (never in the roll-up); a large gift, 3/5 of it to 3, delivered.
    /// Centre 2 (province 2): cash 250,000, 100,000 to 4 delivered; 15 school kits not given out.
    /// Shifts: medicine (v1 150 min, v3 no-show), any skill (v1 90, v2 130), teaching at centre 2 (v3 60), one to come (v2 booked).
    /// </summary>
    private async Task ArrangeAsync(SalamDbContext db)
    {
        var (c, g) = (_country, _giving);
        await g.BuildCampaignAsync(db);
        var cash = g.Received(g.Centre1, DonationKind.Cash, 1_000_000);
        var vow = g.Received(g.Centre1, DonationKind.Vow, 500_000);
        var cancelled = g.Pledge(g.Centre1, DonationKind.Cash, 700_000);
        cancelled.Cancel("منصرف شد", T0.AddDays(2));
        var food = g.Received(g.Centre1, DonationKind.InKind, 40, AidItem.FoodPackage);
        var large = g.Received(g.Centre1, DonationKind.Cash, Large);
        var elsewhere = g.Received(g.Centre2, DonationKind.Cash, 250_000);
        db.Donations.AddRange(cash, vow, g.Pledge(g.Centre1, DonationKind.Cash, 2_000_000), cancelled, food,
            g.Received(g.Centre1, DonationKind.VolunteerTime, 12), large, elsewhere, g.Received(g.Centre2, DonationKind.InKind, 15, AidItem.SchoolKit));
        await db.SaveChangesAsync();
        RollupGiving.Give(cash, 600_000, c.N1);
        RollupGiving.Give(cash, 300_000, c.N3);
        RollupGiving.Give(vow, 500_000, c.N2);
        RollupGiving.Give(food, 25, c.N1);
        RollupGiving.Give(food, 10, c.N2);
        RollupGiving.Give(large, Large / 5 * 3, c.N3);
        RollupGiving.Give(elsewhere, 100_000, c.N4);
        await db.SaveChangesAsync();
        RollupGiving.Deliver(cash, c.N1);
        RollupGiving.Deliver(vow, c.N2);
        RollupGiving.Deliver(food, c.N1);
        RollupGiving.Deliver(large, c.N3);
        RollupGiving.Deliver(elsewhere, c.N4);
        await db.SaveChangesAsync();

        await g.BuildVolunteersAsync(db);
        var medicine = RollupGiving.ShiftAt(g.Centre1, VolunteerSkill.Medicine, 1, 3, g.V1, g.V3);
        var any = RollupGiving.ShiftAt(g.Centre1, VolunteerSkill.None, 5, 3, g.V1, g.V2);
        var teaching = RollupGiving.ShiftAt(g.Centre2, VolunteerSkill.Teaching, 5, 2, g.V3);
        db.Shifts.AddRange(medicine, any, teaching, RollupGiving.ShiftAt(g.Centre1, VolunteerSkill.None, 24 * 10, 2, g.V2));
        await db.SaveChangesAsync();
        RollupGiving.Attend(medicine, T0.AddHours(9), (g.V1, 150));
        RollupGiving.Attend(any, T0.AddHours(9), (g.V1, 90), (g.V2, 130));
        RollupGiving.Attend(teaching, T0.AddHours(9), (g.V3, 60));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_level_counts_donations_and_minutes_as_counted_by_hand()
    {
        var c = _country;
        Assert.Equal((0L, 600_000L, 600_000L, 240), await FiguresAsync(RollupLevel.Neighbourhood, c.N1.Id));
        Assert.Equal((0L, 500_000L, 500_000L, 130), await FiguresAsync(RollupLevel.Neighbourhood, c.N2.Id));
        Assert.Equal((0L, 300_000 + Large / 5 * 3, Large / 5 * 3, 60), await FiguresAsync(RollupLevel.Neighbourhood, c.N3.Id));
        Assert.Equal((0L, 100_000L, 100_000L, 0), await FiguresAsync(RollupLevel.Neighbourhood, c.N4.Id));
        Assert.Equal((0L, 1_100_000L, 1_100_000L, 370), await FiguresAsync(RollupLevel.County, c.C1.Id));
        Assert.Equal((0L, 300_000 + Large / 5 * 3, Large / 5 * 3, 60), await FiguresAsync(RollupLevel.County, c.C2.Id));
        Assert.Equal((1_500_000 + Large, 1_400_000 + Large / 5 * 3, 1_100_000 + Large / 5 * 3, 430), await FiguresAsync(RollupLevel.Province, c.P1.Id));
        Assert.Equal((250_000L, 100_000L, 100_000L, 0), await FiguresAsync(RollupLevel.Province, c.P2.Id));
        Assert.Equal((1_750_000 + Large, 1_500_000 + Large / 5 * 3, 1_200_000 + Large / 5 * 3, 430), await FiguresAsync(RollupLevel.National, RollupSnapshot.NationalScope));

        var (food, kits, medicine, teaching) = ((int)AidItem.FoodPackage, (int)AidItem.SchoolKit, (int)VolunteerSkill.Medicine, (int)VolunteerSkill.Teaching);
        Assert.Equal($"ItemsAllocated/{food}=25,ItemsDelivered/{food}=25,VolunteerMinutesSkill/0=90,VolunteerMinutesSkill/{medicine}=150",
            await BreakdownsAsync(RollupLevel.Neighbourhood, c.N1.Id));
        Assert.Equal($"ItemsAllocated/{food}=10,VolunteerMinutesSkill/0=130", await BreakdownsAsync(RollupLevel.Neighbourhood, c.N2.Id));
        Assert.Equal($"VolunteerMinutesSkill/{teaching}=60", await BreakdownsAsync(RollupLevel.Neighbourhood, c.N3.Id));
        Assert.Equal($"ItemsReceived/{food}=40,ItemsAllocated/{food}=35,ItemsDelivered/{food}=25,VolunteerMinutesSkill/0=220,VolunteerMinutesSkill/{medicine}=150,VolunteerMinutesSkill/{teaching}=60",
            await BreakdownsAsync(RollupLevel.Province, c.P1.Id));
        Assert.Equal($"ItemsReceived/{kits}=15", await BreakdownsAsync(RollupLevel.Province, c.P2.Id));
        Assert.Equal($"ItemsReceived/{food}=40,ItemsReceived/{kits}=15,ItemsAllocated/{food}=35,ItemsDelivered/{food}=25,VolunteerMinutesSkill/0=220,VolunteerMinutesSkill/{medicine}=150,VolunteerMinutesSkill/{teaching}=60",
            await BreakdownsAsync(RollupLevel.National, RollupSnapshot.NationalScope));
    }

    [Fact]
    public async Task Every_level_is_the_sum_of_the_level_below_and_received_counts_at_the_provinces_only()
    {
        var (snapshots, counties, neighbourhoods) = await _app.ReadAsync(async db => (
            (await db.RollupSnapshots.AsNoTracking().Include(s => s.Breakdowns).ToListAsync()).GroupBy(s => (s.Level, s.ScopeId)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ComputedAt)!),
            await db.Counties.AsNoTracking().Select(x => new { x.Id, x.ProvinceId }).ToListAsync(),
            await db.Neighbourhoods.AsNoTracking().Select(x => new { x.Id, x.CountyId }).ToListAsync()));
        RollupSnapshot Of(RollupLevel level, int id) => snapshots[(level, id)];
        static string Given(IEnumerable<RollupSnapshot> places) => string.Join(",", places.SelectMany(s => s.Breakdowns)
            .Where(b => b.Kind is BreakdownKind.ItemsAllocated or BreakdownKind.ItemsDelivered or BreakdownKind.VolunteerMinutesSkill)
            .GroupBy(b => (b.Kind, b.Key)).OrderBy(g => g.Key).Select(g => $"{g.Key.Kind}/{g.Key.Key}={g.Sum(b => b.Value)}"));
        void AssertSum(RollupSnapshot parent, IEnumerable<RollupSnapshot> children)
        {
            var below = children.ToList();
            Assert.Equal(below.Sum(s => s.DonationsAllocatedRials), parent.DonationsAllocatedRials);
            Assert.Equal(below.Sum(s => s.DonationsDeliveredRials), parent.DonationsDeliveredRials);
            Assert.Equal(below.Sum(s => s.VolunteerMinutes), parent.VolunteerMinutes);
            Assert.Equal(Given(below), Given([parent]));
        }

        foreach (var county in counties)
            AssertSum(Of(RollupLevel.County, county.Id), neighbourhoods.Where(n => n.CountyId == county.Id).Select(n => Of(RollupLevel.Neighbourhood, n.Id)));
        foreach (var province in counties.Select(x => x.ProvinceId).Distinct())
            AssertSum(Of(RollupLevel.Province, province), counties.Where(x => x.ProvinceId == province).Select(x => Of(RollupLevel.County, x.Id)));
        var provinces = snapshots.Values.Where(s => s.Level == RollupLevel.Province).ToList();
        var nation = Of(RollupLevel.National, RollupSnapshot.NationalScope);
        AssertSum(nation, provinces);

        Assert.All(snapshots.Values.Where(s => s.Level < RollupLevel.Province), s => Assert.Equal(0, s.DonationsReceivedRials));
        Assert.All(snapshots.Values.Where(s => s.Level < RollupLevel.Province), s => Assert.DoesNotContain(s.Breakdowns, b => b.Kind == BreakdownKind.ItemsReceived));
        Assert.Equal(provinces.Sum(s => s.DonationsReceivedRials), nation.DonationsReceivedRials);
        static string Received(IEnumerable<RollupSnapshot> places) => string.Join(",", places.SelectMany(s => s.Breakdowns).Where(b => b.Kind == BreakdownKind.ItemsReceived)
            .GroupBy(b => b.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Sum(b => b.Value)}"));
        Assert.Equal(Received(provinces), Received([nation]));
        // Every province's received figure is what its centres hold in hand, straight from the table.
        var inHand = await _app.ReadAsync(db => db.Donations.AsNoTracking()
            .Where(d => (d.Kind == DonationKind.Cash || d.Kind == DonationKind.Vow) && (d.Status == DonationStatus.Received || d.Status == DonationStatus.Allocated || d.Status == DonationStatus.Delivered))
            .GroupBy(d => d.ProvinceId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount) }).ToListAsync());
        Assert.All(provinces, p => Assert.Equal(inHand.SingleOrDefault(x => x.Key == p.ScopeId)?.Sum ?? 0, p.DonationsReceivedRials));
    }

    [Fact]
    public async Task The_report_shows_the_same_figures_with_no_received_figure_below_the_province()
    {
        var ministry = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Role, nameof(Role.MinistryStaff))], "test"));
        var counties = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.County, _country.P1.Id));
        var c1 = counties.Rows.Single(r => r.Id == _country.C1.Id);
        Assert.Equal((null, 1_100_000L, 1_100_000L, 370, 6.1m), (c1.DonationsReceivedRials, c1.DonationsAllocatedRials, c1.DonationsDeliveredRials, c1.VolunteerMinutes, c1.VolunteerHours));
        Assert.Equal((1_500_000 + Large, 1_400_000 + Large / 5 * 3, 7.1m), (counties.Total!.DonationsReceivedRials, counties.Total.DonationsAllocatedRials, counties.Total.VolunteerHours));
        Assert.Equal([new ItemFigures(AidItem.FoodPackage, 40, 35, 25)], counties.Total.Items);
        Assert.Equal([new ItemFigures(AidItem.FoodPackage, null, 35, 25)], c1.Items);
        Assert.Equal([(VolunteerSkill.None, 220), (VolunteerSkill.Medicine, 150)], c1.MinutesBySkill!.Select(t => (t.Key, t.Count)));

        var provinces = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Province));
        Assert.Equal(250_000L, provinces.Rows.Single(r => r.Id == _country.P2.Id).DonationsReceivedRials);
        Assert.Equal((1_750_000 + Large, 430), (provinces.Total!.DonationsReceivedRials, provinces.Total.VolunteerMinutes));
        var neighbourhoods = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Neighbourhood, _country.C1.Id));
        Assert.All(neighbourhoods.Rows, r => Assert.Null(r.DonationsReceivedRials));
        Assert.Null(neighbourhoods.Total!.DonationsReceivedRials);
        // Hours to a tenth, never rounded up: 240 minutes are 4 hours, 130 are 2.1.
        Assert.Equal((4.0m, 2.1m), (neighbourhoods.Rows.Single(r => r.Id == _country.N1.Id).VolunteerHours, neighbourhoods.Rows.Single(r => r.Id == _country.N2.Id).VolunteerHours));
    }

    private Task<(long Received, long Allocated, long Delivered, long Minutes)> FiguresAsync(RollupLevel level, int scopeId) => _app.ReadAsync(async db =>
    {
        var s = await db.RollupSnapshots.AsNoTracking().Where(x => x.Level == level && x.ScopeId == scopeId).OrderByDescending(x => x.ComputedAt).FirstAsync();
        return (s.DonationsReceivedRials, s.DonationsAllocatedRials, s.DonationsDeliveredRials, s.VolunteerMinutes);
    });

    /// <summary>The donation and minute breakdowns of the place's latest snapshot, as text in kind and key order.</summary>
    private Task<string> BreakdownsAsync(RollupLevel level, int scopeId) => _app.ReadAsync(async db =>
    {
        var s = await db.RollupSnapshots.AsNoTracking().Include(x => x.Breakdowns).Where(x => x.Level == level && x.ScopeId == scopeId).OrderByDescending(x => x.ComputedAt).FirstAsync();
        return string.Join(",", s.Breakdowns.Where(b => b.Kind >= BreakdownKind.ItemsReceived).OrderBy(b => b.Kind).ThenBy(b => b.Key).Select(b => $"{b.Kind}/{b.Key}={b.Value}"));
    });
}
