using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Needs;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>A resident signs up to volunteer; the facilitator finds them by skill, contacts and places them; the volunteer sees the placement.</summary>
public sealed class VolunteerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Mobile = DemoDataSeeder.FirstResidentMobile;

    private static Task ShootAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });

    private async Task<IPage> ResidentAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#mobile", Mobile);
        await page.ClickAsync("form:has(#mobile) button[type=submit]");
        await page.WaitForURLAsync("**/signin/code**");
        await page.FillAsync("#code", SignInFlows.LastCode(browser.App, Mobile));
        await page.ClickAsync("form:has(#code) button[type=submit]");
        await page.WaitForURLAsync("**/resident");
        return page;
    }

    private async Task<IPage> FacilitatorAsync(string? culture = null)
    {
        var page = await browser.NewPageAsync(culture);
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", "facilitator.pardisan");
        await page.FillAsync("#password", DemoDataSeeder.DemoPassword);
        await page.ClickAsync("form:has(#password) button[type=submit]");
        await page.WaitForURLAsync("**/facilitator");
        return page;
    }

    /// <summary>Staff pages answer clicks once their circuit is up; until then a click is retried rather than lost.</summary>
    private static async Task ClickUntilAsync(ILocator target, Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 20 && !await done(); attempt++)
        {
            await target.ClickAsync();
            await Task.Delay(250);
        }
        Assert.True(await done());
    }

    [Fact]
    public async Task A_resident_volunteers_and_the_facilitator_finds_contacts_and_places_them()
    {
        // The resident signs up on the plain form, with Persian digits.
        var resident = await ResidentAsync();
        await resident.ClickAsync("#volunteer-link");
        await resident.WaitForURLAsync("**/resident/volunteer");
        foreach (var value in new[] { "Nursing", "ElderlyCare" }) await resident.CheckAsync($"input[name=skills][value={value}]");
        foreach (var value in new[] { "Saturday", "Monday", "Wednesday" }) await resident.CheckAsync($"input[name=days][value={value}]");
        await resident.FillAsync("#hours", "۸");
        await resident.FillAsync("#note", "عصرها و پنجشنبه‌ها وقت دارم.");
        await ShootAsync(resident, "volunteer-signup-fa");
        await resident.ClickAsync("#volunteer-submit");
        await resident.WaitForURLAsync("**/resident/volunteer?saved=true");
        await Assertions.Expect(resident.Locator("#my-offer")).ToContainTextAsync("ثبت‌نام‌شده");
        await ShootAsync(resident, "volunteer-saved-fa");

        var (name, neighbourhoodId) = await browser.ReadAsync(async db => await db.Volunteers.Where(v => v.Resident!.Mobile == Mobile)
            .Select(v => new { v.Resident!.FullName, v.NeighbourhoodId }).SingleAsync() is var v ? (v.FullName, v.NeighbourhoodId) : default);
        var need = await browser.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == neighbourhoodId && n.Status == NeedStatus.Approved)
            .OrderBy(n => n.Category == NeedCategory.ElderlyCare ? 0 : n.Category == NeedCategory.Health ? 1 : 2).Select(n => new { n.Id, n.Title }).FirstAsync());

        // The facilitator finds them by skill and marks them contacted.
        var facilitator = await FacilitatorAsync();
        await Assertions.Expect(facilitator.Locator("a.mud-nav-link[href='/volunteers']")).ToBeVisibleAsync();
        await facilitator.GotoAsync("/volunteers");
        var nursing = facilitator.Locator("[data-skill=Nursing]");
        await nursing.WaitForAsync();
        await ClickUntilAsync(nursing, async () => await nursing.GetAttributeAsync("aria-pressed") == "true");
        await facilitator.Locator("[data-status=Registered]").ClickAsync();
        var row = facilitator.Locator("tr.salam-roster-row", new() { HasText = name }).First;
        await Assertions.Expect(row).ToContainTextAsync("پرستاری");
        await Assertions.Expect(row).ToContainTextAsync("۰۹۱۲۰۰۰۰۰۰۱");
        await ShootAsync(facilitator, "facilitator-roster-fa");
        await row.Locator("button.salam-move[data-to=Contacted]").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".mud-snackbar")).ToContainTextAsync("تماس‌گرفته");
        // The roster reads from the server: under the "registered" filter the contacted volunteer has left the list.
        await facilitator.Locator("[data-status=Contacted]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("تماس‌گرفته");

        // Then places them from their row: the dialog lists only their neighbourhood's work that calls for their skills.
        await row.Locator("button.salam-place-from-row").ClickAsync();
        var dialog = facilitator.Locator(".flow-place-dialog");
        var choice = dialog.Locator($"button.flow-choice[data-target='need-{need.Id}']");
        await Assertions.Expect(choice).ToContainTextAsync(need.Title);
        await ShootAsync(facilitator, "facilitator-place-dialog-fa");
        await choice.ClickAsync();
        await Assertions.Expect(facilitator.Locator(".mud-snackbar").Last).ToContainTextAsync("گمارده شد");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // The volunteer sees the placement on their own page.
        await resident.GotoAsync("/resident/volunteer");
        await Assertions.Expect(resident.Locator("#my-placements")).ToContainTextAsync(need.Title);
        await Assertions.Expect(resident.Locator("#my-offer")).ToContainTextAsync("فعال");
        await ShootAsync(resident, "volunteer-placed-fa");

        // And the roster reads left to right in English.
        var english = await FacilitatorAsync(culture: "en-US");
        await english.GotoAsync("/volunteers");
        await Assertions.Expect(english.Locator("h1").First).ToContainTextAsync("Volunteers of the neighbourhoods");
        Assert.Equal("ltr", await english.GetAttributeAsync("html", "dir"));
        await ShootAsync(english, "facilitator-roster-en");
    }
}
