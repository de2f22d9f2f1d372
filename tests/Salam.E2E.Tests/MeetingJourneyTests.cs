using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Common;
using Salam.Domain.Meetings;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>
/// A coordination meeting in Chromium, from plan to what residents read: the Pardisan facilitator plans it from the desk, opens and
/// prints its progress report, records attendance, minutes and two decisions for two agencies and publishes; each agency's manager
/// finds the resulting duty on the desk with its origin; a Pardisan resident reads the public minutes and the duties' progress.
/// The app's clock is moved forward between the plan and the meeting, so the journey does not wait for the meeting's hour.
/// </summary>
public sealed class MeetingJourneyTests(MeetingJourneyFixture browser) : IClassFixture<MeetingJourneyFixture>
{
    private const string Title = "جلسهٔ هماهنگی محلهٔ پردیسان — آذر";
    private const string Place = "سالن سرای محلهٔ پردیسان";
    private const string WelfareDecision = "راه‌اندازی کلاس مهارت‌آموزی برای بانوان";
    private const string MunicipalityDecision = "آسفالت کوچه‌های خیابان ۱۲ پردیسان";
    private const string Minutes = "## گزارش جلسه\n\n- گزارش پیشرفت خوانده شد.\n- **نمایندگان ساکنان** مشکلات کوچه‌ها را گفتند.\n\n<script>alert(1)</script>";

    [Fact]
    public async Task A_meeting_is_planned_reported_held_minuted_decided_and_published_and_its_duties_reach_the_agencies_and_the_residents()
    {
        var (pardisan, welfare, municipality) = await browser.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => new Org(a.Id, a.NameFa, a.NameEn)).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == "Qom Municipality").Select(a => new Org(a.Id, a.NameFa, a.NameEn)).SingleAsync()));

        // The facilitator plans the meeting from the neighbourhood's desk, for an hour from now (Tehran time), inviting both agencies.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{pardisan}");
        var planLink = facilitator.Locator("a.desk-plan-meeting");
        await Assertions.Expect(planLink).ToBeVisibleAsync();
        await facilitator.GotoAsync((await planLink.GetAttributeAsync("href"))!);
        await Assertions.Expect(facilitator.Locator(".meeting-plan")).ToBeVisibleAsync();
        var startsAt = ProgrammeCalendar.LocalTime(browser.Clock.GetUtcNow().AddHours(1));
        // The kind first: its list opens only once the page's circuit is up, so nothing typed after it is lost.
        await facilitator.ChooseAsync(facilitator.Locator(".meeting-kind div.mud-input.mud-select-input"), ".mud-list-item:has-text('جلسهٔ هماهنگی محله')");
        await facilitator.Locator(".meeting-title input").FillAsync(Title);
        await facilitator.Locator(".meeting-place input").FillAsync(Place);
        await TypeAsync(facilitator.Locator(".meeting-date input"), JalaliDate(startsAt));
        await TypeAsync(facilitator.Locator(".meeting-time input"), Digits.ToPersian(startsAt.ToString("HH:mm", CultureInfo.InvariantCulture)));
        foreach (var agency in new[] { welfare, municipality })
            await facilitator.Locator($".meeting-invite-agency[data-agency-id='{agency.Id}'] input[type=checkbox]").CheckAsync();
        await facilitator.ShootAsync("meeting-1-plan-fa");
        await facilitator.Locator("button.meeting-plan-save").ClickAsync();
        try { await facilitator.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/meetings/\d+$"), new() { Timeout = 10000 }); }
        catch (TimeoutException) { await facilitator.ShootAsync("meeting-debug-plan"); throw; }
        var meetingId = int.Parse(facilitator.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal(MeetingStatus.Planned, await browser.ReadAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));

        // Its progress report: the agencies' duties in Pardisan and the latest round; printed through the script file, and on paper
        // without the bar or the menu.
        await Assertions.Expect(facilitator.Locator("a.meeting-report-link")).ToBeVisibleAsync();
        var report = await facilitator.Context.NewPageAsync();
        // Chromium's print dialog cannot be seen headless: the page's print() is swapped for a mark the test reads.
        await report.AddInitScriptAsync("window.print = () => document.body.setAttribute('data-printed', '1');");
        await report.GotoAsync((await facilitator.Locator("a.meeting-report-link").GetAttributeAsync("href"))!);
        await Assertions.Expect(report.Locator(".progress-report h1")).ToContainTextAsync(Title);
        Assert.True(await report.Locator(".report-agency").CountAsync() >= 1);
        Assert.True(await report.Locator(".report-duty").CountAsync() >= 1);
        await Assertions.Expect(report.Locator(".report-round").First).ToBeVisibleAsync();
        await report.ClickAsync("button.report-print");
        await Assertions.Expect(report.Locator("body")).ToHaveAttributeAsync("data-printed", "1");
        await ShootBothWidthsAsync(report, "meeting-2-report-fa");
        await report.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(report.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(report.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(report.Locator("button.report-print")).ToBeHiddenAsync();
        await Assertions.Expect(report.Locator(".report-duty").First).ToBeVisibleAsync();
        Assert.Equal("rgb(255, 255, 255)", await report.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await report.SetViewportSizeAsync(1366, 900);
        await report.ShootAsync("meeting-2-report-print-fa");
        await report.PdfAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "meeting-2-report-fa.pdf"), Format = "A4", PrintBackground = true });
        await report.EmulateMediaAsync(new() { Media = Media.Screen });

        // Two hours on, the meeting has been held: attendance, the minutes (public) and a decision for each agency, then publication.
        browser.Clock.Advance(TimeSpan.FromHours(2));
        await facilitator.ReloadAsync();
        var attended = facilitator.Locator(".meeting-attended input[type=checkbox]");
        await Assertions.Expect(attended.First).ToBeVisibleAsync();
        for (var i = 0; i < await attended.CountAsync(); i++) await attended.Nth(i).CheckAsync();
        await TypeAsync(facilitator.Locator(".meeting-attendees input"), "۱۸");
        await facilitator.Locator("button.meeting-attendance-save").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".meeting-minutes textarea")).ToBeEditableAsync();
        await facilitator.Locator(".meeting-minutes textarea").FillAsync(Minutes);
        await facilitator.Locator(".meeting-minutes-public input").CheckAsync();
        await facilitator.Locator("button.meeting-minutes-save").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".meeting-minutes-preview h2")).ToContainTextAsync("گزارش جلسه");
        await Assertions.Expect(facilitator.Locator(".meeting-minutes-preview script")).ToHaveCountAsync(0);
        // The save re-reads the meeting and redraws its forms: the decision is typed only once that has happened.
        await Assertions.Expect(facilitator.Locator(".mud-snackbar", new() { HasText = "پیش‌نویس صورت‌جلسه ذخیره شد" })).ToBeVisibleAsync();
        await WaitForAsync(() => browser.ReadAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.MinutesPublic).SingleAsync()));
        await facilitator.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var due = ProgrammeCalendar.LocalTime(browser.Clock.GetUtcNow().AddDays(30));
        var decisions = new[] { (welfare, WelfareDecision), (municipality, MunicipalityDecision) };
        for (var n = 0; n < decisions.Length; n++)
        {
            var (agency, title) = decisions[n];
            await facilitator.Locator(".decision-title input").FillAsync(title);
            await facilitator.ChooseAsync(facilitator.Locator(".decision-agency div.mud-input.mud-select-input"), $".mud-list-item:has-text('{agency.Fa}')");
            await TypeAsync(facilitator.Locator(".decision-due input"), JalaliDate(due));
            await facilitator.Locator("button.decision-add").ClickAsync();
            await Assertions.Expect(facilitator.Locator(".decision-row")).ToHaveCountAsync(n + 1, new() { Timeout = 15000 });
        }
        await facilitator.ShootAsync("meeting-3-decided-fa");
        await facilitator.Locator("button.meeting-publish").ClickUntilVisibleAsync(facilitator.Locator("button.meeting-publish-confirm"));
        await facilitator.Locator("button.meeting-publish-confirm").ClickAsync();
        await Assertions.Expect(facilitator.Locator("button.meeting-publish-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(facilitator.Locator(".decision-row a.decision-duty-link")).ToHaveCountAsync(2);
        Assert.Equal(MeetingStatus.MinutesPublished, await browser.ReadAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));
        await ShootBothWidthsAsync(facilitator, "meeting-4-published-fa");

        // The facilitator's duty page says where the duty was decided, with a link back to the meeting.
        var welfareDuty = await browser.ReadAsync(db => db.Duties.Where(d => d.Title == WelfareDecision).Select(d => d.Id).SingleAsync());
        await facilitator.GotoAsync($"/duties/{welfareDuty}");
        await Assertions.Expect(facilitator.Locator($".duty-origin a[href='/meetings/{meetingId}']")).ToContainTextAsync(Title);

        // Each agency's manager finds the duty on the desk, marked with its origin; the duty's timeline starts at the meeting (no link:
        // the meeting is not the agency's to open).
        foreach (var (agency, userName, title) in new[] { (welfare, "agency.qom.welfare", WelfareDecision), (municipality, "agency.qom.municipality", MunicipalityDecision) })
        {
            var manager = await browser.NewPageAsync();
            await manager.SignInStaffAsync(userName);
            await manager.WaitForURLAsync("**/agency");
            await manager.GotoAsync("/agency/duties");
            var row = manager.Locator(".desk-table tr", new() { HasText = title });
            await Assertions.Expect(row.Locator(".desk-duty-origin")).ToContainTextAsync(Title);
            await manager.ShootAsync($"meeting-5-desk-{agency.En.Split(' ')[1].ToLowerInvariant()}-fa");
            await manager.GotoAsync((await row.Locator("a").First.GetAttributeAsync("href"))!);
            await Assertions.Expect(manager.Locator(".duty-origin")).ToContainTextAsync(Title);
            await Assertions.Expect(manager.Locator(".duty-origin a")).ToHaveCountAsync(0);
            if (agency == welfare)
            {
                await manager.Locator(".duty-save").ClickUntilVisibleAsync(manager.Locator(".duty-status", new() { HasText = "پذیرفته‌شده" }));
            }
            browser.AssertNoCspViolations(manager);
        }

        // A Pardisan resident: from home to the public minutes, the decisions and where their duties stand.
        var resident = await browser.NewPageAsync();
        await resident.SignInResidentAsync(browser.App, DemoDataSeeder.FirstResidentMobile);
        await resident.ClickAsync("a.public-minutes-link");
        await resident.WaitForURLAsync("**/my/minutes");
        var item = resident.Locator(".public-minutes-item", new() { HasText = Title });
        await Assertions.Expect(item.Locator(".salam-markdown h2")).ToContainTextAsync("گزارش جلسه");
        await Assertions.Expect(item.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(item.Locator(".public-decision")).ToHaveCountAsync(2);
        await Assertions.Expect(item.Locator(".public-decision", new() { HasText = WelfareDecision }).Locator(".public-decision-progress")).ToContainTextAsync("پذیرفته‌شده");
        await Assertions.Expect(item.Locator(".public-decision", new() { HasText = MunicipalityDecision }).Locator(".public-decision-progress")).ToContainTextAsync("ابلاغ‌شده");
        await ShootBothWidthsAsync(resident, "meeting-6-resident-minutes-fa");

        // The same three screens in English.
        foreach (var (page, path, name) in new[] { (report, $"/meetings/{meetingId}/report", "meeting-2-report"), (facilitator, $"/meetings/{meetingId}", "meeting-4-published"), (resident, "/my/minutes", "meeting-6-resident-minutes") })
        {
            await page.GotoAsync($"/culture?culture=en-US&returnUrl={Uri.EscapeDataString(path)}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await ShootBothWidthsAsync(page, $"{name}-en");
        }
        await Assertions.Expect(report.Locator(".report-agency").First).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".public-decision-progress").First).ToContainTextAsync("Due");
        browser.AssertNoCspViolations(facilitator, report, resident);
    }

    private sealed record Org(int Id, string Fa, string En);

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 100 && !await done(); attempt++) await Task.Delay(100);
    }

    /// <summary>A day as the app's Jalali fields take it typed: year/month/day in Persian digits.</summary>
    private static string JalaliDate(DateTime local)
    {
        var jalali = new PersianCalendar();
        return Digits.ToPersian($"{jalali.GetYear(local):0000}/{jalali.GetMonth(local):00}/{jalali.GetDayOfMonth(local):00}");
    }

    private static async Task TypeAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.PressAsync("Tab"); // MudBlazor's fields take the value when they lose focus
    }

    /// <summary>Screenshots at both widths; at the phone's width the screen must also pass axe and not scroll sideways.</summary>
    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        // A snackbar fading in or sliding out is half transparent and past the edge for a moment: judge the page once it has gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20000 });
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        // One pixel is sub-pixel rounding (no element reaches past the edge by more, as Axe.WidestAsync measures).
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.ShootAsync($"{name}-1366");
    }
}
