using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Queries.GetAgencyDuties;
using Salam.Application.Duties.Queries.GetDuty;
using Salam.Application.Duties.Queries.GetEscalations;
using Salam.Application.Home.Queries;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// "Today" is the day in Tehran (UTC+3:30), not the UTC day. Between 20:30 and 24:00 UTC the two differ: these tests
/// stand the clock there, where a UTC "today" is a day behind. Each test on a fresh demo database of its own.
/// </summary>
public sealed class ProgrammeDayTests : IAsyncLifetime
{
    // 1 March, 08:00 UTC: the demo is seeded here, so its overdue duties fall due on 24 February and the others after 20 March.
    private static readonly DateTimeOffset Seeded = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>10 March, 23:00 UTC: already 02:30 on 11 March in Tehran, just after the overdue job's 02:00 run.</summary>
    private static readonly DateTimeOffset AfterTehranMidnight = new(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly TehranToday = new(2026, 3, 11);
    private static readonly DateOnly TehranYesterday = new(2026, 3, 10);

    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(now: Seeded);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private void StandAt(DateTimeOffset moment) => _app.Clock.Advance(moment - _app.Clock.Now);

    private async Task FlagOverdueAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.FlagOverdueDutiesJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The overdue job, then the roll-up the province and national homes read (it runs every quarter hour).</summary>
    private async Task FlagOverdueAndRollUpAsync()
    {
        await FlagOverdueAsync();
        await _app.RunRollupAsync(Common.Interfaces.RollupMode.Incremental);
    }

    private async Task<(int Agency, int Province, int National)> OverdueCountsAsync() => (
        (await _app.SendAsync<AgencyHome>(await _app.PrincipalOfAsync("agency.qom.welfare"), new GetAgencyHome())).Overdue,
        (await _app.SendAsync<ProvinceHome>(await _app.PrincipalOfAsync("officer.qom"), new GetProvinceHome())).Counties.Sum(c => c.OverdueDuties),
        (await _app.SendAsync<NationalHome>(await _app.PrincipalOfAsync("ministry"), new GetNationalHome())).OverdueDuties);

    [Fact]
    public async Task A_duty_due_yesterday_in_Tehran_is_flagged_at_02_30_Tehran_and_shows_overdue_on_the_desk_the_duty_page_and_every_home()
    {
        var duty = await WelfareDuties.NewAsync(_app, due: TehranYesterday);
        StandAt(AfterTehranMidnight.AddHours(-3)); // 23:30 on 10 March in Tehran: due today, not yet overdue
        await FlagOverdueAndRollUpAsync(); // the demo's long-overdue duties are flagged (and rolled up) before the day turns
        var before = await OverdueCountsAsync();

        StandAt(AfterTehranMidnight);
        await FlagOverdueAndRollUpAsync();

        var flagged = await _app.ReadAsync(db => db.Duties.AsNoTracking().Where(d => d.Id == duty.Id).Select(d => d.OverdueSince).SingleAsync());
        Assert.Equal(TehranToday, flagged);
        Assert.Equal(1, await _app.ReadAsync(db => db.AgencyNotifications.CountAsync(n => n.DutyId == duty.Id)));

        var manager = await _app.PrincipalOfAsync("agency.qom.welfare");
        Assert.True((await _app.SendAsync<AgencyDesk>(manager, new GetAgencyDuties())).Duties.Single(d => d.Id == duty.Id).IsOverdue);
        Assert.Contains((await _app.SendAsync<AgencyDesk>(manager, new GetAgencyDuties(OverdueOnly: true))).Duties, d => d.Id == duty.Id);
        Assert.True((await _app.SendAsync<DutyDetail>(manager, new GetDuty(duty.Id))).IsOverdue);
        Assert.Equal((before.Agency + 1, before.Province + 1, before.National + 1), await OverdueCountsAsync());
    }

    [Fact]
    public async Task A_duty_is_escalated_once_it_is_more_than_the_limit_of_days_late_in_Tehran()
    {
        var duty = await WelfareDuties.NewAsync(_app, due: TehranToday.AddDays(-8)); // 3 March: 8 days late on 11 March, over the 7
        var officer = await _app.PrincipalOfAsync("officer.qom");

        StandAt(AfterTehranMidnight.AddHours(-3));
        Assert.DoesNotContain((await _app.SendAsync<Salam.Application.Common.Paging.Paged<Escalation>>(officer, new GetEscalations(PageSize: 100))).Items, e => e.DutyId == duty.Id);

        StandAt(AfterTehranMidnight);
        var escalation = Assert.Single((await _app.SendAsync<Salam.Application.Common.Paging.Paged<Escalation>>(officer, new GetEscalations(PageSize: 100))).Items, e => e.DutyId == duty.Id);
        Assert.Equal(8, escalation.DaysOverdue);
    }

    [Fact]
    public async Task At_00_30_in_Tehran_a_duty_may_be_due_today_in_Tehran_but_not_yesterday_and_a_refusal_writes_nothing()
    {
        var (place, welfare) = await _app.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == WelfareDuties.Agency).Select(a => a.Id).SingleAsync()));
        var facilitator = await _app.PrincipalOfAsync("facilitator.pardisan");
        StandAt(new DateTimeOffset(2026, 3, 10, 21, 0, 0, TimeSpan.Zero)); // 00:30 on 11 March in Tehran; still 10 March in UTC

        var id = await _app.SendAsync<int>(facilitator, new AssignDuty(place, welfare, null, "امروز", "", TehranToday));
        Assert.Equal(TehranToday, await _app.ReadAsync(db => db.Duties.Where(d => d.Id == id).Select(d => d.DueDate).SingleAsync()));

        var before = await _app.ReadAsync(db => db.Duties.CountAsync());
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _app.SendAsync<int>(facilitator, new AssignDuty(place, welfare, null, "دیروز", "", TehranYesterday)));
        Assert.Contains("گذشته", refused.Message);
        Assert.Equal(before, await _app.ReadAsync(db => db.Duties.CountAsync()));
    }
}
