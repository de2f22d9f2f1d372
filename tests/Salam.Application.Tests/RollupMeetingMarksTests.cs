using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Reports;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// An incremental roll-up picks up a meeting held, and a decided duty published or done, after the last run, at the meeting's
/// own level (a county's or a province's meeting recomputes that county or province), and then agrees with a full run.
/// </summary>
public sealed class RollupMeetingMarksTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RollupCountry.T0;
    private TestApp _app = default!;
    private readonly RollupCountry _country = new();
    private int _inN2, _inC2, _inP2;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: T0.AddDays(4));
        await _app.ReadAsync(async db =>
        {
            await _country.BuildAsync(db);
            var (n2, c2, p2) = (RollupMeetings.Plan(_country.P1.Id, _country.C1.Id, _country.N2.Id, T0),
                RollupMeetings.Plan(_country.P1.Id, _country.C2.Id, null, T0), RollupMeetings.Plan(_country.P2.Id, null, null, T0));
            db.Meetings.AddRange(n2, c2, p2);
            await db.SaveChangesAsync();
            (_inN2, _inC2, _inP2) = (n2.Id, c2.Id, p2.Id);
            return 0;
        });
        await _app.RunRollupAsync(RollupMode.Full);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        // Planning changes no figure: it marks nothing.
        Assert.Equal(0, (await _app.RunRollupAsync(RollupMode.Incremental)).Neighbourhoods);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_neighbourhood_meeting_held_after_the_last_run_and_its_decided_duty_reach_the_next_incremental_run()
    {
        await ChangeMeetingAsync(_inN2, meeting => meeting.Hold(T0.AddDays(1)));
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.Neighbourhood, _country.N2.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.County, _country.C1.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.National, RollupSnapshot.NationalScope));

        var agency = await _app.ReadAsync(db => db.Agencies.Select(a => a.Id).FirstAsync());
        List<Duty> duties = [];
        await ChangeMeetingAsync(_inN2, meeting => duties = meeting.Publish(T0.AddDays(1), (agency, _country.N2.Id, ProgrammeCalendar.DayOf(T0.AddDays(9)))));
        await IncrementalAsync();
        Assert.Equal((1, 0), await DecidedAsync(RollupLevel.Neighbourhood, _country.N2.Id));

        await _app.ReadAsync(async db =>
        {
            (await db.Duties.Include(d => d.Updates).SingleAsync(d => d.Id == duties[0].Id)).Finish(T0.AddDays(3));
            return await db.SaveChangesAsync();
        });
        await IncrementalAsync();
        Assert.Equal((1, 1), await DecidedAsync(RollupLevel.Province, _country.P1.Id));
        await AssertSameAsFullRunAsync();
    }

    [Fact]
    public async Task A_county_meeting_held_after_the_last_run_recomputes_its_county_and_province()
    {
        await ChangeMeetingAsync(_inC2, meeting => meeting.Hold(T0.AddDays(1)));
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(0, await MeetingsHeldAsync(RollupLevel.Neighbourhood, _country.N3.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.County, _country.C2.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.Province, _country.P1.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.National, RollupSnapshot.NationalScope));
        await AssertSameAsFullRunAsync();
    }

    [Fact]
    public async Task A_province_meeting_held_after_the_last_run_recomputes_its_province_and_the_nation()
    {
        await ChangeMeetingAsync(_inP2, meeting => meeting.Hold(T0.AddDays(1)));
        var run = await IncrementalAsync();
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(0, await MeetingsHeldAsync(RollupLevel.County, _country.C3.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.Province, _country.P2.Id));
        Assert.Equal(1, await MeetingsHeldAsync(RollupLevel.National, RollupSnapshot.NationalScope));
        await AssertSameAsFullRunAsync();
    }

    private Task ChangeMeetingAsync(int meetingId, Action<Meeting> change) => _app.ReadAsync(async db =>
    {
        change(await db.Meetings.Include(m => m.Organisations).Include(m => m.Decisions).SingleAsync(m => m.Id == meetingId));
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

    private Task<int> MeetingsHeldAsync(RollupLevel level, int scopeId) => _app.ReadAsync(db => Latest(db, level, scopeId).Select(s => s.MeetingsHeld).FirstAsync());

    private Task<(int, int)> DecidedAsync(RollupLevel level, int scopeId) => _app.ReadAsync(async db =>
    {
        var s = await Latest(db, level, scopeId).FirstAsync();
        return (s.DecisionDuties, s.DecisionDutiesDoneOnTime);
    });

    private static IQueryable<RollupSnapshot> Latest(Salam.Infrastructure.Persistence.SalamDbContext db, RollupLevel level, int scopeId) =>
        db.RollupSnapshots.AsNoTracking().Where(s => s.Level == level && s.ScopeId == scopeId).OrderByDescending(s => s.ComputedAt);
}
