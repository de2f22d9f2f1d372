using Microsoft.Playwright;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>The checks of the accessibility sweep, shared by its two halves.</summary>
public abstract class A11ySweep(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    protected const int Phone = 390;
    protected const int Desktop = 1366;

    protected BrowserFixture Browser => browser;

    protected async Task SweepAsync(string role)
    {
        var places = await SweepPlaces.ReadAsync(browser);
        var problems = new List<string>();
        foreach (var (culture, language) in new[] { ("fa-IR", "fa"), ("en-US", "en") })
        {
            var page = await browser.NewPageAsync(culture);
            await page.SetViewportSizeAsync(Phone, 844);
            await SignInAsync(page, role, places);
            foreach (var (name, path) in places.PagesOf(role))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                problems.AddRange(await CheckAsync(page, role, name, path, language));
                output.WriteLine($"{path} ({language}): {clock.ElapsedMilliseconds} ms");
            }
            problems.AddRange(browser.CspViolations(page).Distinct().Select(v => $"[{role}] CSP refusal: {v}"));
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s):\n{string.Join("\n", problems)}");
    }

    private async Task<IEnumerable<string>> CheckAsync(IPage page, string role, string name, string path, string language)
    {
        var problems = new List<string>();
        var where = $"[{role}] {path} ({language})";
        await page.SetViewportSizeAsync(Phone, 844);
        var response = await page.GotoAsync(path);
        if (response is { Ok: false } && name != "not-found") problems.Add($"{where}: HTTP {response.Status}");
        await Axe.SettleAsync(page);
        problems.AddRange(Describe(where, Phone, await Axe.RunAsync(page)));
        var overflow = await Axe.OverflowAsync(page);
        if (overflow > 0) problems.Add($"{where} at {Phone} px: scrolls sideways by {overflow} px — {await Axe.WidestAsync(page)}");
        // axe's landmark and heading rules are best practice, not WCAG tags: checked here.
        if (await page.Locator("main").CountAsync() != 1) problems.Add($"{where}: not exactly one <main>");
        if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{where}: no h1");
        await page.ShootAsync($"a11y-{role}-{name}-{language}-{Phone}");

        await page.SetViewportSizeAsync(Desktop, 900);
        // The drawer slides open (225 ms) as the page widens: settle past it before the screenshot.
        await Axe.SettleAsync(page, quiet: 400);
        if (language == "fa") problems.AddRange(Describe(where, Desktop, await Axe.RunAsync(page)));
        if (SweepPlaces.StaffAccounts.ContainsKey(role) && await page.Locator("#salam-menu a[aria-current='page']").CountAsync() > 1)
            problems.Add($"{where}: more than one navigation link marked current");
        await page.ShootAsync($"a11y-{role}-{name}-{language}-{Desktop}");
        return problems;
    }

    private static IEnumerable<string> Describe(string where, int width, IReadOnlyList<Axe.Violation> violations) =>
        violations.Select(v => $"{where} at {width} px: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Targets.Take(6))}{(v.Targets.Length > 6 ? $" … {v.Targets.Length} in all" : "")}");

    private async Task SignInAsync(IPage page, string role, SweepPlaces places)
    {
        switch (role)
        {
            case "visitor": return;
            case "resident":
                await page.SignInResidentAsync(browser.App, DemoDataSeeder.FirstResidentMobile);
                return;
            case "volunteer":
                await page.SignInResidentAsync(browser.App, places.Giving.VolunteerMobile);
                return;
            default:
                var (userName, home) = SweepPlaces.StaffAccounts[role];
                await page.SignInStaffAsync(userName);
                await page.WaitForURLAsync($"**{home}");
                return;
        }
    }
}
