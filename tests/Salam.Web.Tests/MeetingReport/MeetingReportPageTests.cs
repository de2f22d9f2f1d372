using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Meetings.Queries.GetMeetingProgressReport;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings.Report;
using Salam.Web.Localization;

namespace Salam.Web.Tests.MeetingReport;

/// <summary>
/// The printable progress report over the real application: the meeting's title block, each agency with its duties in the scope,
/// the latest round results, and a print button with no inline handler (the CSP allows none; js/print.js listens for it).
/// </summary>
public sealed class MeetingReportPageTests : StaffComponentTest
{
    private const string Title = "جلسهٔ هماهنگی محلهٔ پردیسان";

    [Fact]
    public async Task The_report_shows_the_meeting_every_agency_with_its_duties_and_the_latest_round_in_persian_digits()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (pardisan, welfare) = await PardisanAndWelfareAsync(app);
        var meeting = await app.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, pardisan, agencyIds: [welfare], title: Title);
        var expected = await app.SendAsync<ProgressReport>(await app.PrincipalOfAsync("facilitator.pardisan"), new GetMeetingProgressReport(meeting.Id));
        await SignInAsync(app, "facilitator.pardisan");

        var cut = Render<MeetingReportPage>(p => p.Add(r => r.MeetingId, meeting.Id));

        cut.WaitForElement(".progress-report");
        Assert.Equal(Title, cut.Find(".progress-report h1").TextContent);
        Assert.Equal("جلسهٔ هماهنگی محله", cut.Find(".report-kind").TextContent);
        Assert.Equal("پردیسان", cut.Find(".report-scope").TextContent);
        Assert.DoesNotMatch("[0-9]", cut.Find(".report-facts").TextContent);
        Assert.NotEmpty(expected.Agencies);
        Assert.Equal(expected.Agencies.Count, cut.FindAll(".report-agency").Count);
        Assert.Equal(expected.Agencies.Sum(a => a.Duties.Count), cut.FindAll("tr.report-duty").Count);
        Assert.NotEmpty(expected.Rounds);
        Assert.Equal(expected.Rounds.Count, cut.FindAll(".report-round").Count);
        Assert.Equal(expected.Rounds[0].TopNeeds.Count, cut.FindAll(".report-round")[0].QuerySelectorAll("li").Length);
        var print = cut.Find("button.report-print");
        Assert.Equal("button", print.GetAttribute("type"));
        Assert.DoesNotContain(print.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"/meetings/{meeting.Id}", cut.Find("a.report-back").GetAttribute("href"));
    }

    [Fact]
    public async Task In_english_the_report_reads_with_latin_digits()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (pardisan, welfare) = await PardisanAndWelfareAsync(app);
        var meeting = await app.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, pardisan, agencyIds: [welfare], title: Title);
        await SignInAsync(app, "officer.qom");

        var cut = Render<MeetingReportPage>(p => p.Add(r => r.MeetingId, meeting.Id));

        cut.WaitForElement(".progress-report");
        Assert.Equal("Pardisan", cut.Find(".report-scope").TextContent);
        Assert.Matches("[0-9]", cut.Find(".report-when").TextContent);
        Assert.Equal("Print the report", cut.Find("button.report-print").TextContent);
    }

    [Fact]
    public async Task A_facilitator_of_another_province_reads_a_refusal_and_nothing_of_the_report()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (pardisan, welfare) = await PardisanAndWelfareAsync(app);
        var meeting = await app.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, pardisan, agencyIds: [welfare], title: Title);
        await SignInAsync(app, "facilitator.sari");

        var cut = Render<MeetingReportPage>(p => p.Add(r => r.MeetingId, meeting.Id));

        cut.WaitForElement(".mud-alert");
        Assert.Empty(cut.FindAll(".progress-report"));
        Assert.DoesNotContain(Title, cut.Markup);
    }

    internal static Task<(int Pardisan, int Welfare)> PardisanAndWelfareAsync(TestApp app) => app.ReadAsync(async db => (
        await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
        await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync()));
}
