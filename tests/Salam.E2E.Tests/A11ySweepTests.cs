using Microsoft.Playwright;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>
/// The accessibility sweep: every role's pages, in Persian and English. On each, axe-core (WCAG 2.1 A/AA) finds nothing at
/// 390 px, the page does not scroll sideways at 390 px, and axe again at 1366 px in Persian; screenshots at both widths
/// (screenshots/a11y-&lt;role&gt;-&lt;page&gt;-&lt;fa|en&gt;-&lt;width&gt;.png). One role per case, so a failure names its role.
/// </summary>
public sealed class A11ySweepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Phone = 390;
    private const int Desktop = 1366;

    public static TheoryData<string> Roles => ["visitor", "resident", "facilitator", "agency", "officer", "ministry", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_a_role_has_no_axe_violation_and_fits_a_phone_in_both_languages(string role)
    {
        var places = await SweepPlaces.ReadAsync(browser);
        var problems = new List<string>();
        foreach (var (culture, language) in new[] { ("fa-IR", "fa"), ("en-US", "en") })
        {
            var page = await browser.NewPageAsync(culture);
            await page.SetViewportSizeAsync(Phone, 844);
            await SignInAsync(page, role);
            foreach (var (name, path) in places.PagesOf(role))
                problems.AddRange(await CheckAsync(page, role, name, path, language));
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
        if (overflow > 0) problems.Add($"{where} at {Phone} px: scrolls sideways by {overflow} px");
        // axe's landmark and heading rules are best practice, not WCAG tags: checked here.
        if (await page.Locator("main").CountAsync() != 1) problems.Add($"{where}: not exactly one <main>");
        if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{where}: no h1");
        await page.ShootAsync($"a11y-{role}-{name}-{language}-{Phone}");

        await page.SetViewportSizeAsync(Desktop, 900);
        await Axe.SettleAsync(page, quiet: language == "fa" ? 300 : 150);
        if (language == "fa") problems.AddRange(Describe(where, Desktop, await Axe.RunAsync(page)));
        if (SweepPlaces.StaffAccounts.ContainsKey(role) && await page.Locator("#salam-menu a[aria-current='page']").CountAsync() > 1)
            problems.Add($"{where}: more than one navigation link marked current");
        await page.ShootAsync($"a11y-{role}-{name}-{language}-{Desktop}");
        return problems;
    }

    [Fact]
    public async Task On_a_phone_the_staff_menu_waits_behind_a_labelled_button_and_the_skip_link_reaches_the_page()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(Phone, 844);
        await page.SignInStaffAsync("agency.qom.welfare");
        await page.WaitForURLAsync("**/agency");
        await page.GotoAsync("/agency/duties");
        await Axe.SettleAsync(page);

        var menu = page.Locator("#salam-menu");
        var button = page.Locator("button.salam-menu-button");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-label", "منوی اصلی");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).Not.ToBeInViewportAsync();
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(menu).ToBeInViewportAsync();
        await Assertions.Expect(menu.Locator("a[aria-current='page']")).ToHaveCountAsync(1);
        await Assertions.Expect(menu.Locator("a[aria-current='page']")).ToHaveAttributeAsync("href", "/agency/duties");
        await page.ShootAsync("a11y-layout-menu-open-fa-390");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).Not.ToBeInViewportAsync();

        // The skip link is the page's first stop for the keyboard, shown once focused; it moves focus into <main>, so the next
        // Tab reaches the page's own content rather than the bar or the menu.
        Assert.Equal("salam-skip", await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')][0].className"));
        await page.Locator(".salam-skip").FocusAsync();
        await Assertions.Expect(page.Locator(".salam-skip")).ToBeInViewportAsync();
        await page.ShootAsync("a11y-layout-skip-link-fa-390");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"), "Tab after the skip link left <main>");

        // A wide screen keeps the menu open beside the page, without the button.
        await page.SetViewportSizeAsync(Desktop, 900);
        await Assertions.Expect(menu).ToBeInViewportAsync();
        await Assertions.Expect(button).ToBeHiddenAsync();
        browser.AssertNoCspViolations(page);
    }

    private static IEnumerable<string> Describe(string where, int width, IReadOnlyList<Axe.Violation> violations) =>
        violations.Select(v => $"{where} at {width} px: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Targets.Take(6))}{(v.Targets.Length > 6 ? $" … {v.Targets.Length} in all" : "")}");

    private async Task SignInAsync(IPage page, string role)
    {
        switch (role)
        {
            case "visitor": return;
            case "resident":
                await page.SignInResidentAsync(browser.App, DemoDataSeeder.FirstResidentMobile);
                return;
            default:
                var (userName, home) = SweepPlaces.StaffAccounts[role];
                await page.SignInStaffAsync(userName);
                await page.WaitForURLAsync($"**{home}");
                return;
        }
    }
}
