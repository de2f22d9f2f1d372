using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Campaigns;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// An incremental roll-up picks up a donation received, an allocation made or delivered, and attendance recorded after the last
/// run (a donation at its province, an allocation in its neighbourhood, minutes where the volunteer lives), and then agrees
/// with a full run; a pledge or a sign-up changes no figure and marks nothing.
/// </summary>
public sealed class RollupGivingMarksTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RollupCountry.T0;
    private TestApp _app = default!;
    private readonly RollupCountry _country = new();
    private RollupGiving _giving = default!;
    private int _pledge, _gift, _shift;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: T0.AddDays(4));
        _giving = new RollupGiving(_country);
        await _app.ReadAsync(async db =>
        {
            await _country.BuildAsync(db);
            await _giving.BuildCampaignAsync(db);
            var (pledge, gift) = (_giving.Pledge(_giving.Centre1, DonationKind.Cash, 800_000), _giving.Received(_giving.Centre2, DonationKind.Vow, 300_000));
            db.Donations.AddRange(pledge, gift);
            await _giving.BuildVolunteersAsync(db);
            var shift = RollupGiving.ShiftAt(_giving.Centre1, VolunteerSkill.Cooking, 1, 3, _giving.V2, _giving.V3);
            db.Shifts.Add(shift);
            await db.SaveChangesAsync();
            (_pledge, _gift, _shift) = (pledge.Id, gift.Id, shift.Id);
            return 0;
        });
        await _app.RunRollupAsync(RollupMode.Full);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_pledge_a_cancelled_pledge_and_a_sign_up_change_no_figure_and_mark_nothing()
    {
        await _app.ReadAsync(async db =>
        {
            db.Donations.Add(_giving.Pledge(_giving.Centre1, DonationKind.Cash, 5_000));
            (await db.Donations.SingleAsync(d => d.Id == _pledge)).Cancel("منصرف شد", T0.AddDays(2));
            var shift = RollupGiving.ShiftAt(_giving.Centre2, VolunteerSkill.None, 48, 2);
            shift.Book(await db.Volunteers.SingleAsync(v => v.Id == _giving.V1.Id), true, false, true, 1, T0);
            db.Shifts.Add(shift);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await _app.ReadAsync(db => db.RollupMarks.CountAsync()));
        Assert.Equal(0, (await IncrementalAsync()).Neighbourhoods);
    }

    [Fact]
    public async Task A_pledge_received_after_the_last_run_reaches_its_province_and_the_nation()
    {
        await ChangeDonationAsync(_pledge, (d, c) => d.Receive(c, "R-900", RollupGiving.Day(2), T0.AddDays(2)));
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(800_000, await LatestAsync(RollupLevel.Province, _country.P1.Id, s => s.DonationsReceivedRials));
        Assert.Equal(1_100_000, await LatestAsync(RollupLevel.National, RollupSnapshot.NationalScope, s => s.DonationsReceivedRials));
        await AssertSameAsFullRunAsync();
    }

    [Fact]
    public async Task An_allocation_and_its_delivery_after_the_last_run_reach_the_neighbourhood_it_went_to()
    {
        await ChangeDonationAsync(_gift, (d, _) => RollupGiving.Give(d, 120_000, _country.N4));
        await IncrementalAsync();
        Assert.Equal((120_000L, 0L), await GivenAsync(RollupLevel.Neighbourhood, _country.N4.Id));
        Assert.Equal((120_000L, 0L), await GivenAsync(RollupLevel.National, RollupSnapshot.NationalScope));

        await ChangeDonationAsync(_gift, (d, _) => RollupGiving.Deliver(d, _country.N4));
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal((120_000L, 120_000L), await GivenAsync(RollupLevel.Province, _country.P2.Id));
        await AssertSameAsFullRunAsync();
    }

    [Fact]
    public async Task Attendance_recorded_after_the_last_run_reaches_each_volunteer_s_neighbourhood()
    {
        var saved = await _app.ReadAsync(async db =>
        {
            // The volunteers are not loaded: the marker looks their neighbourhoods up.
            var shift = await db.Shifts.Include(s => s.Bookings).SingleAsync(s => s.Id == _shift);
            RollupGiving.Attend(shift, T0.AddHours(5), (_giving.V3, 100));
            return await db.SaveChangesAsync();
        });
        Assert.True(saved > 0);
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(100, await LatestAsync(RollupLevel.Neighbourhood, _country.N3.Id, s => s.VolunteerMinutes));
        Assert.Equal(100, await LatestAsync(RollupLevel.National, RollupSnapshot.NationalScope, s => s.VolunteerMinutes));

        // A correction that turns the attendance into a no-show takes the minutes away again.
        await _app.ReadAsync(async db =>
        {
            var shift = await db.Shifts.Include(s => s.Bookings).SingleAsync(s => s.Id == _shift);
            RollupGiving.Attend(shift, T0.AddHours(6), (_giving.V2, 30));
            return await db.SaveChangesAsync();
        });
        run = await IncrementalAsync();
        Assert.Equal(2, run.Neighbourhoods);
        Assert.Equal((0, 30), (await LatestAsync(RollupLevel.Neighbourhood, _country.N3.Id, s => s.VolunteerMinutes),
            await LatestAsync(RollupLevel.Neighbourhood, _country.N2.Id, s => s.VolunteerMinutes)));
        await AssertSameAsFullRunAsync();
    }

    private Task ChangeDonationAsync(int donationId, Action<Donation, Campaign> change) => _app.ReadAsync(async db =>
    {
        var donation = await db.Donations.Include(d => d.Allocations).SingleAsync(d => d.Id == donationId);
        change(donation, await db.Campaigns.Include(c => c.Centres).SingleAsync(c => c.Id == donation.CampaignId));
        return await db.SaveChangesAsync();
    });

    private async Task<RollupRun> IncrementalAsync()
    {
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var run = await _app.RunRollupAsync(RollupMode.Incremental);
        Assert.Equal(0, await _app.ReadAsync(db => db.RollupMarks.CountAsync()));
        return run;
    }

    /// <summary>What the incremental runs left is what a full run computes from scratch.</summary>
    private async Task AssertSameAsFullRunAsync()
    {
        var incremental = await _app.LatestFiguresAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _app.RunRollupAsync(RollupMode.Full);
        Assert.Equal(incremental, await _app.LatestFiguresAsync());
    }

    private Task<T> LatestAsync<T>(RollupLevel level, int scopeId, System.Linq.Expressions.Expression<Func<RollupSnapshot, T>> figure) =>
        _app.ReadAsync(db => Latest(db, level, scopeId).Select(figure).FirstAsync());

    private Task<(long Allocated, long Delivered)> GivenAsync(RollupLevel level, int scopeId) => _app.ReadAsync(async db =>
    {
        var s = await Latest(db, level, scopeId).FirstAsync();
        return (s.DonationsAllocatedRials, s.DonationsDeliveredRials);
    });

    private static IQueryable<RollupSnapshot> Latest(SalamDbContext db, RollupLevel level, int scopeId) =>
        db.RollupSnapshots.AsNoTracking().Where(s => s.Level == level && s.ScopeId == scopeId).OrderByDescending(s => s.ComputedAt);
}
