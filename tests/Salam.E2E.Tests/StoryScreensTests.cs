using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Stories;

namespace Salam.E2E.Tests;

/// <summary>
/// The staff screens of success stories in Chromium, in each language: Pardisan's facilitator writes a story (live preview, a
/// described photo) and submits it, Qom's officer reads and approves it, ministry staff feature it. Each screen is kept at a
/// phone's width and a desk's, passes axe and does not scroll sideways on the phone.
/// </summary>
public sealed partial class StoryScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fa-IR", "fa")]
    [InlineData("en-US", "en")]
    public async Task A_story_is_written_with_a_photo_submitted_approved_and_featured_on_its_screens(string culture, string lang)
    {
        var persian = lang == "fa";
        var title = persian ? "بازگشایی کتابخانهٔ کوچک سرای محله" : "The centre's little library reopens";
        var text = persian
            ? "با کمک **داوطلبان** محله، کتابخانهٔ سرا دوباره باز شد.\n\n- ۳۰۰ جلد کتاب اهدایی\n- ساعت کار: عصرها\n\n<script>alert(1)</script>"
            : "With the neighbourhood's **volunteers**, the centre's library opened again.\n\n- 300 donated books\n- Open in the afternoons\n\n<script>alert(1)</script>";
        var pardisan = await browser.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => new { n.Id, n.NameFa, n.NameEn }).SingleAsync());

        var facilitator = await browser.NewPageAsync(culture);
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync("/stories/new");
        await facilitator.ChooseAsync(facilitator.Locator(".story-neighbourhood div.mud-input.mud-select-input"),
            $".mud-list-item:has-text('{(persian ? pardisan.NameFa : pardisan.NameEn)}')");
        await facilitator.Locator("[data-testid=story-title] input, input[data-testid=story-title]").FillAsync(title);
        await facilitator.Locator("[data-testid=story-text] textarea, textarea[data-testid=story-text]").FillAsync(text);
        await Assertions.Expect(facilitator.Locator(".story-preview strong")).ToBeVisibleAsync();
        Assert.Equal(0, await facilitator.Locator(".story-preview script").CountAsync());
        await ShootBothWidthsAsync(facilitator, $"story-1-new-{lang}");

        await facilitator.Locator("[data-testid=story-save]").ClickAsync();
        // The first save of a fresh app compiles its queries; on a busy 2-core machine that once took longer than 30 s.
        await facilitator.WaitForURLAsync(StoryAddress(), new() { Timeout = 90_000 });
        var storyId = int.Parse(facilitator.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        await facilitator.Locator("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]").FillAsync(persian ? "قفسه‌های کتاب تازه در سرای محله" : "New bookshelves in the centre");
        await facilitator.Locator("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]").PressAsync("Tab");
        await facilitator.Locator("input[type=file][data-testid=story-photo-input]").SetInputFilesAsync(new FilePayload
        {
            Name = "library.png", MimeType = "image/png", Buffer = await PictureAsync(facilitator),
        });
        await Assertions.Expect(facilitator.Locator(".story-photo img")).ToBeVisibleAsync(new() { Timeout = 20000 });
        await Assertions.Expect(facilitator.Locator(".story-photo img")).ToHaveJSPropertyAsync("complete", true);
        await ShootBothWidthsAsync(facilitator, $"story-2-draft-photo-{lang}");

        await facilitator.Locator("[data-testid=story-submit]").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".story-view")).ToBeVisibleAsync();
        await facilitator.GotoAsync("/stories");
        await Assertions.Expect(facilitator.Locator($".story-line[data-story-id='{storyId}']")).ToBeVisibleAsync();
        await ShootBothWidthsAsync(facilitator, $"story-3-list-facilitator-{lang}");

        var officer = await browser.NewPageAsync(culture);
        await officer.SignInStaffAsync("officer.qom");
        await officer.WaitForURLAsync("**/province");
        await officer.GotoAsync("/stories");
        await Assertions.Expect(officer.Locator($".story-line[data-story-id='{storyId}']")).ToBeVisibleAsync();
        await officer.GotoAsync($"/stories/{storyId}");
        await Assertions.Expect(officer.Locator("[data-testid=story-approve]")).ToBeVisibleAsync();
        Assert.Equal(0, await officer.Locator(".story-view script").CountAsync());
        await ShootBothWidthsAsync(officer, $"story-4-review-{lang}");
        // The circuit is up (the screen settled for its screenshot): one click approves, and the review box goes.
        await officer.Locator("[data-testid=story-approve]").ClickAsync();
        await Assertions.Expect(officer.Locator(".story-review")).ToHaveCountAsync(0, new() { Timeout = 15000 });

        var ministry = await browser.NewPageAsync(culture);
        await ministry.SignInStaffAsync("ministry");
        await ministry.WaitForURLAsync("**/national");
        await ministry.GotoAsync("/stories");
        await Assertions.Expect(ministry.Locator($".story-line[data-story-id='{storyId}']")).ToBeVisibleAsync();
        await ministry.GotoAsync($"/stories/{storyId}");
        await ministry.Locator("[data-testid=story-feature]").ClickUntilVisibleAsync(ministry.Locator(".story-featured"));
        await ShootBothWidthsAsync(ministry, $"story-5-featured-{lang}");

        var stored = await browser.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => new { s.Status, s.Featured, Photos = s.Photos.Count }).SingleAsync());
        Assert.Equal((StoryStatus.Approved, true, 1), (stored.Status, stored.Featured, stored.Photos));
        browser.AssertNoCspViolations(facilitator, officer, ministry);
    }

    // A picture drawn in the page (a shelf of coloured books), as PNG bytes: a photo a facilitator might take.
    private static async Task<byte[]> PictureAsync(IPage page) => Convert.FromBase64String(await page.EvaluateAsync<string>(
        """
        () => {
            const c = document.createElement('canvas'); c.width = 800; c.height = 600;
            const g = c.getContext('2d');
            g.fillStyle = '#f3e9d2'; g.fillRect(0, 0, 800, 600);
            g.fillStyle = '#8b5a2b'; for (const y of [180, 360, 540]) g.fillRect(60, y, 680, 18);
            const colours = ['#c0392b', '#2e86c1', '#27ae60', '#f1c40f', '#8e44ad', '#d35400'];
            for (const [row, y] of [[0, 180], [1, 360], [2, 540]].map(([r, y]) => [r, y]))
                for (let x = 70, i = row; x < 720; x += 34, i++) { g.fillStyle = colours[i % colours.length]; const h = 110 + (i * 17) % 45; g.fillRect(x, y - h, 28, h); }
            return c.toDataURL('image/png').split(',')[1];
        }
        """));

    [GeneratedRegex(@"/stories/\d+$")]
    private static partial Regex StoryAddress();

    /// <summary>Screenshots at both widths; at the phone's width the screen must also pass axe and not scroll sideways.</summary>
    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20000 });
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.ShootAsync($"{name}-1366");
    }
}
