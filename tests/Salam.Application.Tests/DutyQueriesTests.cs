using Microsoft.EntityFrameworkCore;
using Salam.Application.Duties.Common;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>"Open" and "overdue" mean the same in SQL (as EF translates <see cref="DutyQueries"/>) as in the domain, for every status.</summary>
public sealed class DutyQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(seedDemoData: false, now: Now);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A duty due on 5 March brought to the status through legal steps.</summary>
    private static Duty DutyIn(DutyStatus status, int agencyId, int neighbourhoodId)
    {
        var duty = new Duty(agencyId, neighbourhoodId, null, status.ToString(), "", new DateOnly(2026, 3, 5), 1, Now);
        DutyStatus[] path = status switch
        {
            DutyStatus.Assigned => [],
            DutyStatus.Declined => [DutyStatus.Declined],
            DutyStatus.Accepted => [DutyStatus.Accepted],
            DutyStatus.InProgress => [DutyStatus.Accepted, DutyStatus.InProgress],
            DutyStatus.Blocked => [DutyStatus.Accepted, DutyStatus.Blocked],
            DutyStatus.Done or DutyStatus.Disputed => [DutyStatus.Accepted, DutyStatus.Done],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "teach this test the way to the new status"),
        };
        foreach (var step in path) duty.Advance(step, 10, "دلیل", 1, Now);
        if (status == DutyStatus.Disputed) duty.Dispute(0, "ساکنان گفتند انجام نشده است", Now);
        return duty;
    }

    [Fact]
    public async Task Every_status_is_open_and_overdue_in_the_database_exactly_when_the_domain_says_so()
    {
        var duties = await _app.ReadAsync(async db =>
        {
            var province = new Province("T1", "استان", "Province");
            db.Provinces.Add(province);
            await db.SaveChangesAsync();
            var county = new County(province.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "شهرستان", "County");
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            var place = new Neighbourhood(county.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله", "Place");
            var agency = new Agency("دستگاه", "Agency", AgencyKind.Welfare, null);
            db.AddRange(place, agency);
            await db.SaveChangesAsync();
            var all = Enum.GetValues<DutyStatus>().Select(s => DutyIn(s, agency.Id, place.Id)).ToList();
            db.Duties.AddRange(all);
            await db.SaveChangesAsync();
            return all;
        });

        foreach (var today in new[] { new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6) })
        {
            var open = await _app.ReadAsync(db => db.Duties.Open().Select(d => d.Id).OrderBy(id => id).ToListAsync());
            var overdue = await _app.ReadAsync(db => db.Duties.OverdueOn(today).Select(d => d.Id).OrderBy(id => id).ToListAsync());
            Assert.Equal(duties.Where(d => d.IsOpen).Select(d => d.Id).Order(), open);
            Assert.Equal(duties.Where(d => d.IsOverdueOn(today)).Select(d => d.Id).Order(), overdue);
        }
        Assert.Equal(Enum.GetValues<DutyStatus>().Length - Duty.FinishedStatuses.Count, duties.Count(d => d.IsOverdueOn(new DateOnly(2026, 3, 6))));
        Assert.Equal(new DateOnly(2026, 3, 1), ProgrammeCalendar.DayOf(Now));
    }
}
