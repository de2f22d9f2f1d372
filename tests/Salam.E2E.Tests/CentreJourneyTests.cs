using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Salam.E2E.Tests;

/// <summary>Qom's officer opens a centre for two neighbourhoods and moves the Pardisan facilitator to it; the page reads in Persian and English.</summary>
public sealed class CentreJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OfficerAtCentresAsync(string? culture = null)
    {
        var page = await browser.NewPageAsync(culture);
        await page.SignInStaffAsync("officer.qom");
        await page.WaitForURLAsync("**/province");
        await Assertions.Expect(page.Locator("a.mud-nav-link[href='/centres']")).ToBeVisibleAsync();
        // Opened by URL: a nav click before the first page's circuit is up can be undone when that circuit starts.
        await page.GotoAsync("/centres");
        try
        {
            await page.Locator("tr.centre-row").First.WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ShootAsync($"centres-not-shown-{culture ?? "fa"}");
            throw;
        }
        return page;
    }

    [Fact]
    public async Task An_officer_opens_a_centre_for_two_neighbourhoods_and_moves_a_facilitator_to_it()
    {
        var (zanbilabad, salariyeh) = await browser.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameEn == "Zanbilabad").Select(n => n.Id).SingleAsync(),
            await db.Neighbourhoods.Where(n => n.NameEn == "Salariyeh").Select(n => n.Id).SingleAsync()));
        var page = await OfficerAtCentresAsync();
        var consoleLines = new List<string>();
        page.Console += (_, message) => consoleLines.Add(message.Text);
        try { await JourneyAsync(page, zanbilabad, salariyeh); }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "centre-journey-failure.html"), await page.ContentAsync() + "\n<!--" + string.Join("\n", consoleLines) + "-->");
            await page.ShootAsync("centre-journey-failure");
            throw;
        }
    }

    private async Task JourneyAsync(IPage page, int zanbilabad, int salariyeh)
    {
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator(".centres-table")).ToContainTextAsync("مرکز مثبت زندگی صفاشهر");
        await Assertions.Expect(page.Locator(".centres-table")).Not.ToContainTextAsync("ساری");
        await page.ShootAsync("centres-fa");

        // A new centre: names, kind, address, and two neighbourhoods that move from Safashahr's centre.
        await page.Locator("button.centre-new").ClickUntilVisibleAsync(page.Locator(".centre-form"));
        await page.Locator(".centre-name-fa input").FillAsync("سرای محله زنبیل‌آباد");
        await page.Locator(".centre-name-en input").FillAsync("Zanbilabad Community Centre");
        await page.Locator(".centre-address input").FillAsync("قم، زنبیل‌آباد، کوچه ۴، پلاک ۲");
        await page.ChooseAsync(page.Locator(".centre-kind .mud-select-input").First, ".mud-list-item:has-text('سرای محله')");
        await page.ChooseAsync(page.Locator(".centre-neighbourhoods .mud-select-input").First, $".mud-list-item:has([data-neighbourhood='{zanbilabad}'])");
        await page.Locator($".mud-popover-open .mud-list-item:has([data-neighbourhood='{salariyeh}'])").ClickAsync();
        await page.CloseListAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "محله‌های تحت پوشش" })).ToHaveValueAsync(new Regex("زنبیل‌آباد، سالاریه"));
        await page.ShootAsync("centre-form-fa");
        await page.Locator("button.centre-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("مرکز ثبت شد");
        var row = page.Locator("tr.centre-row", new() { HasText = "سرای محله زنبیل‌آباد" });
        await Assertions.Expect(row).ToContainTextAsync("زنبیل‌آباد");
        await Assertions.Expect(row).ToContainTextAsync("سالاریه");

        // The Pardisan facilitator moves to it.
        var facilitator = page.Locator("tr.facilitator-row", new() { HasText = "facilitator.pardisan" });
        await page.ChooseAsync(facilitator.Locator(".facilitator-centre .mud-select-input").First, ".mud-list-item:has-text('سرای محله زنبیل‌آباد')");
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("سپرده شد");
        await Assertions.Expect(row.Locator(".centre-facilitator")).ToContainTextAsync("تسهیلگر مرکز مثبت زندگی پردیسان");
        await page.ShootAsync("centres-assigned-fa");

        var saved = await browser.ReadAsync(async db => new
        {
            Centre = await db.Centres.Where(c => c.NameEn == "Zanbilabad Community Centre").Select(c => new { c.Id, c.Kind, Served = c.Neighbourhoods.Select(n => n.Id).ToList() }).SingleAsync(),
            FacilitatorCentre = await db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.CentreId).SingleAsync(),
        });
        Assert.Equal(Domain.Geography.CentreKind.CommunityCentre, saved.Centre.Kind);
        Assert.Equal(new[] { zanbilabad, salariyeh }.Order(), saved.Centre.Served.Order());
        Assert.Equal(saved.Centre.Id, saved.FacilitatorCentre);

        // The same page in English, left to right.
        var english = await OfficerAtCentresAsync(culture: "en-US");
        Assert.Equal("ltr", await english.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(english.Locator("h1").First).ToContainTextAsync("Positive Life centres and facilitators");
        await Assertions.Expect(english.Locator(".centres-table")).ToContainTextAsync("Zanbilabad Community Centre");
        await english.ShootAsync("centres-en");
    }
}
