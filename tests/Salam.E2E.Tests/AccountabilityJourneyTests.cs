using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Rounds;
using Salam.Domain.Stories;
using Xunit.Abstractions;

namespace Salam.E2E.Tests;

/// <summary>
/// Accountability in public (issue 16), in Chromium. A duty for Pardisan's top priority is marked Done by the welfare directorate;
/// five Pardisan residents answer "no" on their home pages and it becomes Disputed: on the provincial officer's escalation list
/// with their notes, back on the agency's desk, and said so on the neighbourhood's public page. The agency answers on the timeline
/// (back to in progress, then done again). A facilitator writes a story with a photo, the officer approves it, the ministry
/// features it; the public pages show it all without sign-in and with JavaScript off, each within 100 KB cold (fonts aside).
/// </summary>
public sealed class AccountabilityJourneyTests(AccountabilityJourneyFixture browser, ITestOutputHelper output) : IClassFixture<AccountabilityJourneyFixture>
{
    private const string Pardisan = "QOM-01-001";
    private const string DutyTitle = "بازسازی زمین بازی پارک پردیسان";
    private const string DoneNote = "زمین بازی بازسازی و تحویل شد.";
    private const string AnswerAgain = "بخشی از کار مانده بود: سرسره و نیمکت‌ها نصب نشده‌اند؛ تا دو هفتهٔ دیگر نصب می‌شوند.";
    private const string DoneAgain = "سرسره و نیمکت‌ها نصب شد؛ زمین بازی کامل تحویل شد.";
    private const string Payload = "<img src=x onerror=alert(1)>";
    private const string StoryTitle = "جشن بازگشایی زمین بازی پردیسان";
    private const string StoryText = "## روز بازگشایی\n\nبا **همت داوطلبان** محله، زمین بازی دوباره باز شد.\n\n<script>alert(1)</script>";
    private const string PhotoAlt = "کودکان در زمین بازی تازه‌ساز پارک پردیسان";

    private static readonly string[] Residents = ["09120000002", "09120000003", "09120000004", "09120000005", "09120000006"];

    [Fact]
    public async Task A_disputed_duty_goes_back_to_the_agency_and_a_featured_story_reaches_the_public_pages_without_sign_in_or_script()
    {
        var (dutyId, pardisanId) = await ArrangeDutyInProgressAsync();

        // The welfare directorate's manager marks the duty done on its page.
        var manager = await browser.NewPageAsync();
        await manager.SignInStaffAsync("agency.qom.welfare");
        await manager.WaitForURLAsync("**/agency");
        await manager.GotoAsync($"/duties/{dutyId}");
        await AdvanceAsync(manager, "انجام‌شده", 100, DoneNote);
        Assert.Equal(DutyStatus.Done, await StatusAsync(dutyId));
        await manager.ShootAsync("accountability-1-done-fa");

        // Five residents of Pardisan find the question on their home page and answer "no", each with a note (one a payload).
        for (var i = 0; i < Residents.Length; i++)
        {
            var resident = await browser.NewPageAsync();
            await resident.SignInResidentAsync(browser.App, Residents[i]);
            var question = resident.Locator($".completion-question[data-duty-id='{dutyId}']");
            await Assertions.Expect(question).ToBeVisibleAsync();
            if (i == 0) await ShootBothWidthsAsync(resident, "accountability-2-question-fa");
            await question.Locator("input[name='Answer'][value='No']").CheckAsync();
            await question.Locator("textarea[name='Note']").FillAsync(i == 4 ? $"هنوز سرسره‌ای نیست {Payload}" : $"نیمکت‌ها هنوز نصب نشده‌اند ({Digits.ToPersian((i + 1).ToString(CultureInfo.InvariantCulture))})");
            await question.Locator(".completion-answer-submit").ClickAsync();
            await Assertions.Expect(resident.Locator($".completion-question[data-duty-id='{dutyId}'] .completion-answer-submit")).ToHaveCountAsync(0);
            if (i == 0) await ShootBothWidthsAsync(resident, "accountability-3-answered-fa");
            browser.AssertNoCspViolations(resident);
            await resident.Context.CloseAsync();
            Assert.Equal(i < 4 ? DutyStatus.Done : DutyStatus.Disputed, await StatusAsync(dutyId));
        }

        // The provincial officer sees it on the escalation list with the five notes, the payload as text.
        var officer = await browser.NewPageAsync();
        await officer.SignInStaffAsync("officer.qom");
        await officer.WaitForURLAsync("**/province");
        await officer.GotoAsync("/province/escalations");
        var disputed = officer.Locator($".disputed-duty[data-duty-id='{dutyId}']");
        await Assertions.Expect(disputed.Locator(".disputed-note")).ToHaveCountAsync(5);
        await Assertions.Expect(disputed).ToContainTextAsync(Payload);
        await Assertions.Expect(disputed.Locator("img")).ToHaveCountAsync(0);
        await ShootBothWidthsAsync(officer, "accountability-4-escalations-fa");

        // The public page says so, read without signing in and without script.
        browser.OutputCache.Clear();
        var visitor = await NoScriptVisitorAsync();
        await visitor.GotoAsync($"/n/{Pardisan}");
        await Assertions.Expect(visitor.Locator($".public-duty[data-duty-id='{dutyId}'] .public-duty-status")).ToContainTextAsync("مورد اعتراض ساکنان");
        await visitor.ShootAsync("accountability-5-public-disputed-fa-390");

        // Back on the agency's desk, marked disputed; the agency answers on the timeline: in progress again, then done again.
        await manager.GotoAsync("/agency/duties");
        await Assertions.Expect(manager.Locator(".desk-table tr", new() { HasText = DutyTitle })).ToContainTextAsync("مورد اعتراض ساکنان");
        await manager.ShootAsync("accountability-6-desk-disputed-fa");
        await manager.GotoAsync($"/duties/{dutyId}");
        await Assertions.Expect(manager.Locator(".duty-status")).ToContainTextAsync("مورد اعتراض ساکنان");
        await AdvanceAsync(manager, "در حال انجام", 80, AnswerAgain);
        await Assertions.Expect(manager.Locator(".duty-timeline")).ToContainTextAsync(AnswerAgain);
        Assert.Equal(DutyStatus.InProgress, await StatusAsync(dutyId));
        await AdvanceAsync(manager, "انجام‌شده", 100, DoneAgain);
        Assert.Equal(DutyStatus.Done, await StatusAsync(dutyId));
        await ShootBothWidthsAsync(manager, "accountability-7-answered-fa");
        browser.AssertNoCspViolations(manager, officer);

        // A story: the Pardisan facilitator writes it with a photo and submits it; the officer approves; the ministry features it.
        var storyId = await WriteStoryAsync(pardisanId);
        await ReviewStoryAsync("officer.qom", "/province", storyId, "story-approve", StoryStatus.Approved, "accountability-9-approved-fa");
        await ReviewStoryAsync("ministry", "/national", storyId, "story-feature", StoryStatus.Approved, "accountability-10-featured-fa");
        Assert.True(await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Featured).SingleAsync()));

        // Without sign-in and without script: the duty's line, the story with its photo, the province and the nation.
        browser.OutputCache.Clear();
        var province = await browser.ReadAsync(db => db.Neighbourhoods.Where(n => n.Id == pardisanId).Select(n => n.County!.Province!.Code).SingleAsync());
        // A new reader: the first one's browser keeps the page it read for its max-age, as any browser would.
        await visitor.Context.CloseAsync();
        visitor = await NoScriptVisitorAsync();
        await visitor.GotoAsync($"/n/{Pardisan}");
        await Assertions.Expect(visitor.Locator($".public-duty[data-duty-id='{dutyId}'] .public-duty-status")).ToContainTextAsync("انجام‌شده");
        var story = visitor.Locator($".public-story[data-story-id='{storyId}']");
        await Assertions.Expect(story).ToContainTextAsync(StoryTitle);
        await Assertions.Expect(story.Locator("script")).ToHaveCountAsync(0);
        var photo = story.Locator("img").First;
        await Assertions.Expect(photo).ToHaveAttributeAsync("alt", PhotoAlt);
        await Assertions.Expect(photo).ToHaveAttributeAsync("loading", "lazy");
        Assert.Equal(0, await visitor.Locator("script[src*='blazor'], script[src*='MudBlazor']").CountAsync());
        await visitor.GotoAsync("/nation");
        await Assertions.Expect(visitor.Locator($".public-story[data-story-id='{storyId}']")).ToContainTextAsync(StoryTitle);
        await visitor.GotoAsync($"/p/{province}");
        // The province lists its neighbourhoods by county (folded under each county's summary): Pardisan's page is linked.
        Assert.True(await visitor.Locator("a[href$='/n/" + Pardisan + "']").CountAsync() > 0, $"/p/{province} does not link /n/{Pardisan}");
        await visitor.Context.CloseAsync();

        // The public pages in both languages at both widths: axe, no sideways scroll, and a look.
        var paths = new[] { ("neighbourhood", $"/n/{Pardisan}"), ("province", $"/p/{province}"), ("national", "/nation"), ("open-data", "/open") };
        foreach (var culture in new[] { "fa-IR", "en-US" })
        {
            var reader = await NoScriptVisitorAsync(culture);
            var checker = await browser.NewPageAsync(culture);
            foreach (var (name, plain) in paths)
            {
                // A public page names its language in its address (one address, one cached page).
                var path = culture == "en-US" ? $"{plain}?culture=en-US" : plain;
                await reader.GotoAsync(path);
                await reader.SetViewportSizeAsync(390, 844);
                await reader.ShootAsync($"accountability-public-{name}-{culture[..2]}-390");
                await reader.SetViewportSizeAsync(1366, 900);
                await reader.ShootAsync($"accountability-public-{name}-{culture[..2]}-1366");
                await checker.GotoAsync(path);
                await CheckAtPhoneWidthAsync(checker, $"public {name} ({culture})");
            }
            browser.AssertNoCspViolations(reader, checker);
            await reader.Context.CloseAsync();
            await checker.Context.CloseAsync();
        }

        // A repeat visit is served from the output cache.
        browser.OutputCache.Clear();
        using (var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) })
        {
            (await http.GetAsync($"/n/{Pardisan}")).EnsureSuccessStatusCode();
            var again = await http.GetAsync($"/n/{Pardisan}");
            output.WriteLine($"/n/{Pardisan} repeat: Age {again.Headers.Age}, Cache-Control {again.Headers.CacheControl}, entries {browser.OutputCache.Count}");
            Assert.True(browser.OutputCache.Count > 0, "the public page was not kept in the output cache");
            Assert.NotNull(again.Headers.Age);
        }

        // Each public page within 100 KB on a cold load, fonts aside (Chromium's own count, script off as in the journey).
        foreach (var (name, path) in paths.Take(3))
        {
            var weight = await PageWeightTests.WeighPublicColdAsync(browser, path);
            output.WriteLine($"{name} {path} cold, fonts aside: {weight}");
            Assert.InRange(weight.Bytes, 1, PageWeightTests.PublicBudget);
        }
    }

    /// <summary>A duty of the welfare directorate for the top need of Pardisan's latest published (or closed) round, in progress.</summary>
    private Task<(int DutyId, int Pardisan)> ArrangeDutyInProgressAsync() => browser.ReadAsync(async db =>
    {
        var pardisan = await db.Neighbourhoods.Where(n => n.Code == Pardisan).Select(n => n.Id).SingleAsync();
        var round = await db.PriorityRounds.Include(r => r.Results)
            .Where(r => r.NeighbourhoodId == pardisan && (r.Status == RoundStatus.Published || r.Status == RoundStatus.Closed))
            .OrderByDescending(r => r.Status == RoundStatus.Published).ThenByDescending(r => r.ClosesAt).FirstAsync();
        var topNeed = round.Results.Single(r => r.Position == 1).NeedId;
        var welfare = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var people = await db.Users.Where(u => u.UserName == "agency.qom.welfare" || u.UserName == "facilitator.pardisan").ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var now = browser.App.Services.GetService(typeof(TimeProvider)) is TimeProvider clock ? clock.GetUtcNow() : DateTimeOffset.UtcNow;
        var duty = new Duty(welfare, pardisan, topNeed, DutyTitle, "زمین بازی فرسوده است و کودکان محله جای امنی برای بازی ندارند.",
            ProgrammeCalendar.DayOf(now.AddDays(20)), people["facilitator.pardisan"], now.AddDays(-10));
        duty.Advance(DutyStatus.Accepted, 0, "پذیرفته شد.", people["agency.qom.welfare"], now.AddDays(-9));
        duty.Advance(DutyStatus.InProgress, 60, "وسایل بازی خریداری شد.", people["agency.qom.welfare"], now.AddDays(-4));
        db.Duties.Add(duty);
        await db.SaveChangesAsync();
        return (duty.Id, pardisan);
    });

    private Task<DutyStatus> StatusAsync(int dutyId) => browser.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.Status).SingleAsync());

    /// <summary>On the duty's page: the next status, its percent and a note, saved; the page then shows the new status.</summary>
    private static async Task AdvanceAsync(IPage page, string status, int percent, string note)
    {
        await page.ChooseAsync(page.Locator(".duty-to div.mud-input.mud-select-input"), $".mud-list-item:has-text('{status}')");
        await page.Locator(".duty-percent-input input").FillAsync(percent.ToString(CultureInfo.InvariantCulture));
        await page.Locator(".duty-note input, .duty-note textarea").First.FillAsync(note);
        await page.Locator(".duty-note input, .duty-note textarea").First.PressAsync("Tab");
        await page.Locator(".duty-save").ClickAsync();
        await Assertions.Expect(page.Locator(".duty-status")).ToContainTextAsync(status, new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator(".duty-timeline")).ToContainTextAsync(note);
    }

    private async Task<int> WriteStoryAsync(int pardisanId)
    {
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync("/stories/new");
        // The kind of field decides how it is filled: MudSelects by their list, text fields by their input.
        await facilitator.ChooseAsync(facilitator.Locator(".story-neighbourhood div.mud-input.mud-select-input"), ".mud-list-item:has-text('پردیسان')");
        await facilitator.ChooseAsync(facilitator.Locator(".story-subject div.mud-input.mud-select-input"), ".mud-list-item:has-text('ابتکار کانون')");
        await FillAsync(facilitator, "story-title", StoryTitle);
        await FillAsync(facilitator, "story-text", StoryText);
        await facilitator.Locator("[data-testid='story-save']").ClickUntilVisibleAsync(facilitator.Locator("[data-testid='story-submit']"));
        await facilitator.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/stories/\d+$"));
        var storyId = int.Parse(facilitator.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal(pardisanId, await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.NeighbourhoodId).SingleAsync()));
        await Assertions.Expect(facilitator.Locator(".story-preview script")).ToHaveCountAsync(0);

        // A photo with its description: chosen, then added (decoded, resized and stripped of metadata by the app).
        await FillAsync(facilitator, "story-photo-alt", PhotoAlt);
        var add = facilitator.Locator("[data-testid='story-photo-add']");
        for (var attempt = 0; attempt < 10 && !await add.IsVisibleAsync(); attempt++)
        {
            await facilitator.Locator("[data-testid='story-photo-input']").SetInputFilesAsync(new FilePayload { Name = "park.png", MimeType = "image/png", Buffer = TestPhoto.Png(1200, 800) });
            try { await add.WaitForAsync(new() { Timeout = 1500 }); }
            catch (TimeoutException) { }
        }
        await add.ClickAsync();
        await WaitForAsync(() => browser.ReadAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == storyId)));
        Assert.Equal(PhotoAlt, await browser.ReadAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => p.AltText).SingleAsync()));
        await Assertions.Expect(facilitator.Locator("img[src*='/stories/photos/']").First).ToBeVisibleAsync();
        await ShootBothWidthsAsync(facilitator, "accountability-8-story-draft-fa");
        await facilitator.Locator("[data-testid='story-submit']").ClickAsync();
        await WaitForAsync(async () => await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Status).SingleAsync()) == StoryStatus.Submitted);
        Assert.Equal(StoryStatus.Submitted, await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Status).SingleAsync()));
        browser.AssertNoCspViolations(facilitator);
        return storyId;
    }

    private async Task ReviewStoryAsync(string userName, string home, int storyId, string button, StoryStatus expected, string shot)
    {
        var page = await browser.NewPageAsync();
        await page.SignInStaffAsync(userName);
        await page.WaitForURLAsync($"**{home}");
        await page.GotoAsync("/stories");
        await Assertions.Expect(page.Locator($".story-line[data-story-id='{storyId}']")).ToBeVisibleAsync();
        await page.GotoAsync($"/stories/{storyId}");
        var before = await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Version).SingleAsync());
        Task<bool> Changed() => browser.ReadAsync(async db => await db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Version).SingleAsync() != before);
        // A click before the page's circuit is up is lost: clicked again until the story changes.
        for (var attempt = 0; attempt < 10 && !await Changed(); attempt++)
        {
            var action = page.Locator($"[data-testid='{button}']");
            if (await action.IsVisibleAsync() && await action.IsEnabledAsync()) await action.ClickAsync(new() { Timeout = 5000 });
            for (var wait = 0; wait < 15 && !await Changed(); wait++) await Task.Delay(100);
        }
        Assert.Equal(expected, await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Status).SingleAsync()));
        await ShootBothWidthsAsync(page, shot);
        browser.AssertNoCspViolations(page);
        await page.Context.CloseAsync();
    }

    /// <summary>A reader without an account and with script off, in Persian unless told.</summary>
    private async Task<IPage> NoScriptVisitorAsync(string culture = "fa-IR")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/culture?culture={culture}&returnUrl=/open");
        return page;
    }

    /// <summary>A field by its test id: the element itself when it is an input, else the input inside it (a MudBlazor field).</summary>
    private static async Task FillAsync(IPage page, string testId, string text)
    {
        var field = page.Locator($"[data-testid='{testId}']");
        var target = await field.EvaluateAsync<string>("e => e.tagName") is "INPUT" or "TEXTAREA" ? field : field.Locator("input, textarea").First;
        await target.FillAsync(text);
        await target.PressAsync("Tab");
    }

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 150 && !await done(); attempt++) await Task.Delay(100);
    }

    /// <summary>At the phone's width the screen passes axe and does not scroll sideways.</summary>
    private static async Task CheckAtPhoneWidthAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
    }

    /// <summary>Screenshots at both widths, after the phone width's checks (axe, no sideways scroll).</summary>
    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20000 });
        await CheckAtPhoneWidthAsync(page, name);
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        await Axe.SettleAsync(page, quiet: 400);
        await page.ShootAsync($"{name}-1366");
    }
}
