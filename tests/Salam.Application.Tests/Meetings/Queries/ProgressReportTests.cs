using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetMeetingProgressReport;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>The progress report of a Pardisan meeting and of a Qom county meeting, checked against the demo duties and rounds.</summary>
public sealed class ProgressReportTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<ProgressReport> AskAsync(string userName, int meetingId) =>
        await App.SendAsync<ProgressReport>(await App.PrincipalOfAsync(userName), new GetMeetingProgressReport(meetingId));

    private async Task<int> PlannedAsync(MeetingScope scope, string place, string organiser = "officer.qom") =>
        (await App.ArrangeMeetingAsync(MeetingStatus.Planned, scope, scope == MeetingScope.County ? await App.CountyAsync(place) : await App.NeighbourhoodAsync(place),
            organiser: organiser, title: "جلسهٔ گزارش پیشرفت")).Id;

    [Fact]
    public async Task A_neighbourhood_report_lists_every_agency_with_duties_there_most_overdue_first_and_the_latest_published_results()
    {
        var pardisan = await App.NeighbourhoodAsync("Pardisan");
        var meeting = await PlannedAsync(MeetingScope.Neighbourhood, "Pardisan", "facilitator.pardisan");

        var report = await AskAsync("facilitator.pardisan", meeting);

        Assert.Equal(("جلسهٔ گزارش پیشرفت", "پردیسان", App.Clock.GetUtcNow()), (report.MeetingTitle, report.ScopeName.Fa, report.PreparedAt));
        var today = App.Today();
        var duties = await App.ReadAsync(db => db.Duties.Where(d => d.NeighbourhoodId == pardisan)
            .Select(d => new { d.Id, d.AgencyId, d.Status, d.PercentComplete, d.DueDate, Last = d.Updates.OrderByDescending(u => u.At).Select(u => new { u.At, u.Note }).First() })
            .ToListAsync());
        Assert.Equal(duties.Select(d => d.AgencyId).Distinct().Order(), report.Agencies.Select(a => a.AgencyId).Order());
        Assert.Equal(duties.Select(d => d.Id).Order(), report.Agencies.SelectMany(a => a.Duties).Select(d => d.DutyId).Order());
        foreach (var row in report.Agencies.SelectMany(a => a.Duties))
        {
            var duty = duties.Single(d => d.Id == row.DutyId);
            Assert.Equal((duty.Status, duty.PercentComplete, duty.DueDate, duty.Last.Note), (row.Status, row.Percent, row.DueDate, row.LastNote));
            Assert.Equal(duty.Last.At.UtcTicks / 10_000, row.LastUpdate.UtcTicks / 10_000);
            Assert.Equal(Duty.IsOverdue(duty.Status, duty.DueDate, today) ? today.DayNumber - duty.DueDate.DayNumber : 0, row.OverdueDays);
        }
        foreach (var agency in report.Agencies)
        {
            var own = duties.Where(d => d.AgencyId == agency.AgencyId).ToList();
            Assert.Equal((own.Count(d => !Duty.IsFinished(d.Status)), own.Count(d => d.Status == DutyStatus.Done), own.Count(d => Duty.IsOverdue(d.Status, d.DueDate, today))),
                (agency.Open, agency.Done, agency.Overdue));
            Assert.Equal(agency.Duties.OrderByDescending(d => d.OverdueDays).Select(d => d.OverdueDays), agency.Duties.Select(d => d.OverdueDays));
        }
        Assert.Contains(report.Agencies, a => a.Overdue > 0);
        Assert.Equal(report.Agencies.OrderByDescending(a => a.Overdue).Select(a => a.Overdue), report.Agencies.Select(a => a.Overdue));

        var round = Assert.Single(report.Rounds);
        var top = await App.PublishedTopAsync(pardisan, 5);
        Assert.Equal(top.Select(t => t.Position), round.TopNeeds.Select(t => t.Position));
        Assert.Equal(await App.ReadAsync(db => db.Ballots.CountAsync(b => db.PriorityRounds.Any(r => r.Id == b.RoundId && r.NeighbourhoodId == pardisan && r.Status == Domain.Rounds.RoundStatus.Published))), round.Ballots);
    }

    [Fact]
    public async Task A_county_report_covers_every_neighbourhood_of_the_county_for_the_officer()
    {
        var meeting = await PlannedAsync(MeetingScope.County, "Qom");

        var report = await AskAsync("officer.qom", meeting);

        var county = await App.CountyAsync("Qom");
        var places = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.CountyId == county).Select(n => n.NameFa).ToListAsync());
        Assert.Equal(places.Order(), report.Rounds.Select(r => r.Neighbourhood.Fa).Order());
        Assert.Equal(await App.ReadAsync(db => db.Duties.CountAsync(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.CountyId == county))), report.Agencies.Sum(a => a.Duties.Count));
    }

    [Fact]
    public async Task A_facilitator_reading_a_county_report_sees_only_their_centres_neighbourhoods()
    {
        var meeting = await PlannedAsync(MeetingScope.County, "Qom");

        var report = await AskAsync("facilitator.pardisan", meeting);

        var mine = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.Centre!.NameEn == DemoCentres.Pardisan).Select(n => n.NameFa).ToListAsync());
        Assert.Equal(mine.Order(), report.Rounds.Select(r => r.Neighbourhood.Fa).Order());
        Assert.All(report.Agencies.SelectMany(a => a.Duties), d => Assert.Contains(d.Neighbourhood.Fa, mine));
        Assert.Equal(await App.ReadAsync(db => db.Duties.CountAsync(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.Centre!.NameEn == DemoCentres.Pardisan))), report.Agencies.Sum(a => a.Duties.Count));
    }

    [Theory]
    [InlineData("facilitator.sari")]
    [InlineData("officer.mazandaran")]
    [InlineData("agency.qom.welfare")]
    public async Task Another_centre_another_province_or_an_agency_manager_is_forbidden(string userName)
    {
        var meeting = await PlannedAsync(MeetingScope.Neighbourhood, "Pardisan", "facilitator.pardisan");

        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync(userName, meeting));
    }

    [Fact]
    public async Task A_meeting_that_does_not_exist_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => AskAsync("ministry", 987_654));
}
