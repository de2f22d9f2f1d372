using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Localization;

namespace Salam.Web.Tests.MeetingReport;

/// <summary>
/// A duty decided at a meeting says so: its timeline starts with the meeting and the decision's number (a link to the meeting
/// for staff who may open it, plain text for the agency), and the agency desk marks the row.
/// </summary>
public sealed class DutyOriginTests : StaffComponentTest
{
    private const string Meeting = "جلسهٔ هماهنگی آذر پردیسان";
    private const string Decided = "راه‌اندازی کلاس مهارت‌آموزی";

    private static async Task<(ArrangedMeeting Meeting, DateTimeOffset StartsAt)> PublishedAsync(TestApp app)
    {
        var (pardisan, welfare) = await MeetingReportPageTests.PardisanAndWelfareAsync(app);
        var due = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddDays(30).UtcDateTime);
        var meeting = await app.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, title: Meeting,
            decisions: [MeetingArrange.AgencyDecision(welfare, pardisan, due, "بازدید اولیه"), MeetingArrange.AgencyDecision(welfare, pardisan, due, Decided)]);
        return (meeting, await app.ReadAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task The_facilitator_reads_where_the_duty_was_decided_first_in_its_timeline_with_a_link_to_the_meeting()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (meeting, startsAt) = await PublishedAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var cut = Render<DutyPage>(p => p.Add(d => d.DutyId, meeting.DutyIds[1]));

        cut.WaitForElement(".duty-origin");
        var first = cut.FindAll(".duty-timeline .mud-timeline-item")[0];
        Assert.NotNull(first.QuerySelector(".duty-origin"));
        var link = cut.Find(".duty-origin a");
        Assert.Equal($"/meetings/{meeting.Id}", link.GetAttribute("href"));
        Assert.Equal(Meeting, link.TextContent);
        var line = cut.Find(".duty-origin").TextContent;
        Assert.Contains("مصوب در", line);
        Assert.Contains($"({new DisplayFormat().Date(startsAt)})، تصمیم ۲", line);
    }

    [Fact]
    public async Task The_agency_manager_reads_the_origin_without_a_link_to_a_meeting_it_may_not_open()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (meeting, _) = await PublishedAsync(app);
        await SignInAsync(app, "agency.qom.welfare");

        var cut = Render<DutyPage>(p => p.Add(d => d.DutyId, meeting.DutyIds[0]));

        cut.WaitForElement(".duty-origin");
        Assert.Contains("Decided at", cut.Find(".duty-origin").TextContent);
        Assert.Contains(Meeting, cut.Find(".duty-origin").TextContent);
        Assert.Contains("decision 1", cut.Find(".duty-origin").TextContent);
        Assert.Empty(cut.FindAll(".duty-origin a"));
    }

    [Fact]
    public async Task A_duty_assigned_outside_any_meeting_has_no_origin_line()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await PublishedAsync(app);
        var seeded = await app.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && d.Title != Decided && d.Title != "بازدید اولیه")
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        await SignInAsync(app, "facilitator.pardisan");

        var cut = Render<DutyPage>(p => p.Add(d => d.DutyId, seeded));

        cut.WaitForElement(".duty-timeline");
        Assert.Empty(cut.FindAll(".duty-origin"));
    }

    [Fact]
    public async Task The_agency_desk_marks_the_rows_of_duties_decided_at_a_meeting_and_no_other()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await PublishedAsync(app);
        await SignInAsync(app, "agency.qom.welfare");

        var cut = Render<AgencyDeskPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".desk-duty-origin").Count));
        var row = cut.FindAll(".desk-table tbody tr").Single(r => r.TextContent.Contains(Decided));
        Assert.Contains("تصمیم ۲ در", row.QuerySelector(".desk-duty-origin")!.TextContent);
        Assert.Contains(Meeting, row.QuerySelector(".desk-duty-origin")!.TextContent);
        Assert.True(cut.FindAll(".desk-table tbody tr").Count > 2);
    }
}
