using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Meetings;

/// <summary>The meeting page over the real application: its plan, then attendance and minutes recorded on it by the organiser.</summary>
public sealed class MeetingPageTests : StaffComponentTest
{
    [Theory]
    [InlineData(Cultures.Persian, "برنامه‌ریزی‌شده")]
    [InlineData(Cultures.English, "Planned")]
    public async Task A_planned_meeting_shows_its_plan_and_says_from_when_attendance_can_be_recorded(string culture, string planned)
    {
        Use(culture);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddDays(2));
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));

        page.WaitForAssertion(() => Assert.Equal(planned, page.Find(".meeting-status").TextContent.Trim()), Patience);
        Assert.Equal($"/meetings/{id}/report", page.Find("a.meeting-report-link").GetAttribute("href"));
        Assert.Equal(3, page.FindAll(".meeting-organisation").Count);
        Assert.Contains("شورایاران پردیسان", page.Find(".meeting-organisations").TextContent);
        Assert.Contains("گزارش پیشرفت وظیفه‌ها", page.Find(".meeting-agenda-items").TextContent);
        Assert.NotEmpty(page.Find(".meeting-attendance-later").TextContent);
        Assert.Empty(page.FindAll(".meeting-attended input"));
        Assert.Empty(page.FindAll(".meeting-minutes textarea"));
    }

    [Fact]
    public async Task Attendance_recorded_on_the_page_holds_the_meeting()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement($".meeting-attended[data-agency-id='{pardisan.Municipality}'] input", Patience).Change(true);
        await page.ChangeAsync(".meeting-attendees input", "۲۳");
        page.WaitForAssertion(() => Assert.Equal("۲۳", page.Find(".meeting-attendees input").GetAttribute("value")), Patience);
        await page.ClickAsync("button.meeting-attendance-save");

        var held = await EventuallyAsync(() => app.ReadAsync(db => db.Meetings.Where(m => m.Id == id)
            .Select(m => new { m.Status, m.Attendees, Came = m.Organisations.Where(o => o.Attended).Select(o => o.AgencyId).ToList() }).SingleAsync()),
            m => m.Status == MeetingStatus.Held, "the meeting held");
        Assert.Equal(23, held.Attendees);
        Assert.Equal([pardisan.Municipality], held.Came.Select(c => c!.Value));
        page.WaitForAssertion(() => Assert.Equal("برگزارشده", page.Find(".meeting-status").TextContent.Trim()), Patience);
        page.WaitForElement(".meeting-minutes textarea", Patience);
    }

    [Fact]
    public async Task Attendance_with_no_organisation_ticked_is_refused_with_the_message_and_writes_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var before = await Pardisan.VersionAsync(app, id);
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement(".meeting-attendees input", Patience).Change("۵");
        page.WaitForAssertion(() => Assert.Equal("۵", page.Find(".meeting-attendees input").GetAttribute("value")), Patience);
        await page.ClickAsync("button.meeting-attendance-save");

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find(".meeting-attendance .salam-error").TextContent.Trim()), Patience);
        Assert.DoesNotContain("Meeting.", page.Find(".meeting-attendance .salam-error").TextContent);
        var after = await app.ReadAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.Status, m.Attendees, m.Version }).SingleAsync());
        Assert.Equal((MeetingStatus.Planned, (int?)null, before), (after.Status, after.Attendees, after.Version));
    }

    [Fact]
    public async Task Minutes_saved_on_the_page_are_kept_with_their_public_switch()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement(".meeting-minutes textarea", Patience).Input("## مصوبات\n\n- بازسازی پارک");
        page.WaitForAssertion(() => Assert.Equal("مصوبات", page.Find(".meeting-minutes-preview h2").TextContent), Patience);
        await page.ChangeAsync(".meeting-minutes-public input", true);
        await page.ClickAsync("button.meeting-minutes-save");

        var saved = await EventuallyAsync(() => app.ReadAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.Minutes, m.MinutesPublic }).SingleAsync()),
            m => m.Minutes.Length > 0, "the minutes saved");
        Assert.Equal("## مصوبات\n\n- بازسازی پارک", saved.Minutes);
        Assert.True(saved.MinutesPublic);
    }

    [Fact]
    public async Task Minutes_are_shown_through_the_sanitising_view_to_readers_who_do_not_edit_them()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app, "Notes <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))");
        await SignInAsync(app, "ministry");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));

        var minutes = page.WaitForElement(".meeting-minutes-text", Patience);
        Assert.Contains("Notes", minutes.TextContent);
        Assert.Empty(page.FindAll(".meeting-minutes textarea")); // ministry staff read, never edit
        Assert.Empty(minutes.QuerySelectorAll("script"));
        Assert.DoesNotContain(minutes.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(minutes.QuerySelectorAll("[href]"), e => e.GetAttribute("href")!.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }
}
