using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.Common;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// Meetings held and decided duties delivered on time, at every level, against the hand-counted country with meetings at all
/// three levels: each level is its places' sum plus its own meetings, and the report reads the same figures.
/// </summary>
public sealed class RollupMeetingFiguresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RollupCountry.T0;
    private TestApp _app = default!;
    private readonly RollupCountry _country = new();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: T0.AddDays(4));
        await _app.ReadAsync(async db => { await _country.BuildAsync(db); await ArrangeAsync(db); return 0; });
        await _app.RunRollupAsync(RollupMode.Full);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateOnly Day(int days) => ProgrammeCalendar.DayOf(T0.AddDays(days));

    /// <summary>
    /// Neighbourhood 1: one meeting held, one published with two duties (one done on time, one late), one only planned.
    /// Neighbourhood 2: one held. County 1: its own meeting, published, deciding a duty in neighbourhood 2 done on time.
    /// County 2: a meeting planned only. Province 1: its own meeting, published, deciding a duty in neighbourhood 3 not yet done.
    /// Province 2: its own meeting held.
    /// </summary>
    private async Task ArrangeAsync(SalamDbContext db)
    {
        var c = _country;
        var agencies = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var at = T0.AddHours(2);
        var published = RollupMeetings.Plan(c.P1.Id, c.C1.Id, c.N1.Id, T0).Hold(at);
        var n1Duties = published.Publish(at, (agencies[0], c.N1.Id, Day(5)), (agencies[1], c.N1.Id, Day(1)));
        n1Duties[0].Finish(T0.AddDays(2));
        n1Duties[1].Finish(T0.AddDays(3));
        var county = RollupMeetings.Plan(c.P1.Id, c.C1.Id, null, T0).Hold(at);
        county.Publish(at, (agencies[2], c.N2.Id, Day(5)))[0].Finish(T0.AddDays(2));
        var province = RollupMeetings.Plan(c.P1.Id, null, null, T0).Hold(at);
        province.Publish(at, (agencies[0], c.N3.Id, Day(30)));
        db.Meetings.AddRange(
            RollupMeetings.Plan(c.P1.Id, c.C1.Id, c.N1.Id, T0).Hold(at), published, RollupMeetings.Plan(c.P1.Id, c.C1.Id, c.N1.Id, T0),
            RollupMeetings.Plan(c.P1.Id, c.C1.Id, c.N2.Id, T0).Hold(at),
            county, RollupMeetings.Plan(c.P1.Id, c.C2.Id, null, T0),
            province, RollupMeetings.Plan(c.P2.Id, null, null, T0).Hold(at));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_level_counts_its_places_meetings_plus_its_own_and_the_duties_they_decided_as_counted_by_hand()
    {
        var c = _country;
        Assert.Equal((2, 2, 1), await FiguresAsync(RollupLevel.Neighbourhood, c.N1.Id));
        Assert.Equal((1, 1, 1), await FiguresAsync(RollupLevel.Neighbourhood, c.N2.Id));
        Assert.Equal((0, 1, 0), await FiguresAsync(RollupLevel.Neighbourhood, c.N3.Id));
        Assert.Equal((0, 0, 0), await FiguresAsync(RollupLevel.Neighbourhood, c.N4.Id));
        Assert.Equal((4, 3, 2), await FiguresAsync(RollupLevel.County, c.C1.Id));   // 2 + 1 of its neighbourhoods, 1 of its own
        Assert.Equal((0, 1, 0), await FiguresAsync(RollupLevel.County, c.C2.Id));   // its own meeting is only planned
        Assert.Equal((5, 4, 2), await FiguresAsync(RollupLevel.Province, c.P1.Id)); // 4 + 0 of its counties, 1 of its own
        Assert.Equal((1, 0, 0), await FiguresAsync(RollupLevel.Province, c.P2.Id)); // none under it, 1 of its own
        Assert.Equal((6, 4, 2), await FiguresAsync(RollupLevel.National, RollupSnapshot.NationalScope));
    }

    [Fact]
    public async Task Every_county_province_and_the_nation_is_the_sum_of_the_level_below_plus_its_own_meetings_held()
    {
        var (snapshots, meetings, counties, neighbourhoods) = await _app.ReadAsync(async db => (
            (await db.RollupSnapshots.AsNoTracking().ToListAsync()).GroupBy(s => (s.Level, s.ScopeId)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ComputedAt)!),
            await db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Planned).Select(m => new { m.ProvinceId, m.CountyId, m.NeighbourhoodId }).ToListAsync(),
            await db.Counties.AsNoTracking().Select(x => new { x.Id, x.ProvinceId }).ToListAsync(),
            await db.Neighbourhoods.AsNoTracking().Select(x => new { x.Id, x.CountyId }).ToListAsync()));
        RollupSnapshot Of(RollupLevel level, int id) => snapshots[(level, id)];
        void AssertSum(RollupSnapshot parent, IEnumerable<RollupSnapshot> children, int own)
        {
            var below = children.ToList();
            Assert.Equal(below.Sum(s => s.MeetingsHeld) + own, parent.MeetingsHeld);
            Assert.Equal(below.Sum(s => s.DecisionDuties), parent.DecisionDuties);
            Assert.Equal(below.Sum(s => s.DecisionDutiesDoneOnTime), parent.DecisionDutiesDoneOnTime);
        }

        foreach (var county in counties)
            AssertSum(Of(RollupLevel.County, county.Id), neighbourhoods.Where(n => n.CountyId == county.Id).Select(n => Of(RollupLevel.Neighbourhood, n.Id)),
                meetings.Count(m => m.CountyId == county.Id && m.NeighbourhoodId is null));
        foreach (var province in counties.Select(x => x.ProvinceId).Distinct())
            AssertSum(Of(RollupLevel.Province, province), counties.Where(x => x.ProvinceId == province).Select(x => Of(RollupLevel.County, x.Id)),
                meetings.Count(m => m.ProvinceId == province && m.CountyId is null));
        AssertSum(Of(RollupLevel.National, RollupSnapshot.NationalScope), snapshots.Values.Where(s => s.Level == RollupLevel.Province), own: 0);
        Assert.Equal(meetings.Count, Of(RollupLevel.National, RollupSnapshot.NationalScope).MeetingsHeld);
    }

    [Fact]
    public async Task The_report_shows_the_same_figures_with_the_share_of_decided_duties_delivered_on_time()
    {
        var ministry = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Role, nameof(Role.MinistryStaff))], "test"));
        var counties = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.County, _country.P1.Id));

        var c1 = counties.Rows.Single(r => r.Id == _country.C1.Id);
        Assert.Equal((4, 3, 2, 2 / 3.0), (c1.MeetingsHeld, c1.DecisionDuties, c1.DecisionDutiesOnTime, c1.DecisionsOnTimeShare));
        var c2 = counties.Rows.Single(r => r.Id == _country.C2.Id);
        Assert.Equal((0, 1, 0, 0.0), (c2.MeetingsHeld, c2.DecisionDuties, c2.DecisionDutiesOnTime, c2.DecisionsOnTimeShare));
        Assert.Equal((5, 4, 2, 0.5), (counties.Total!.MeetingsHeld, counties.Total.DecisionDuties, counties.Total.DecisionDutiesOnTime, counties.Total.DecisionsOnTimeShare));

        var neighbourhoods = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Neighbourhood, _country.C2.Id));
        var n3 = Assert.Single(neighbourhoods.Rows);
        Assert.Equal((0, 1, 0, 0.0), (n3.MeetingsHeld, n3.DecisionDuties, n3.DecisionDutiesOnTime, n3.DecisionsOnTimeShare));
        var provinces = await _app.SendAsync<RollupReport>(ministry, new GetRollupReport(RollupLevel.Province));
        Assert.Null(provinces.Rows.Single(r => r.Id == _country.P2.Id).DecisionsOnTimeShare); // no duty decided there: no share, not 0 %
        Assert.Equal((6, 4, 2), (provinces.Total!.MeetingsHeld, provinces.Total.DecisionDuties, provinces.Total.DecisionDutiesOnTime));
    }

    private Task<(int MeetingsHeld, int DecisionDuties, int OnTime)> FiguresAsync(RollupLevel level, int scopeId) => _app.ReadAsync(async db =>
    {
        var s = await db.RollupSnapshots.AsNoTracking().Where(x => x.Level == level && x.ScopeId == scopeId).OrderByDescending(x => x.ComputedAt).FirstAsync();
        return (s.MeetingsHeld, s.DecisionDuties, s.DecisionDutiesDoneOnTime);
    });
}
