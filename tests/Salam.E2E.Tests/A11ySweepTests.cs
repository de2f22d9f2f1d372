using Microsoft.Playwright;

namespace Salam.E2E.Tests;

/// <summary>
/// The accessibility sweep: every role's pages, in Persian and English. On each, axe-core (WCAG 2.1 A/AA) finds nothing at
/// 390 px, the page does not scroll sideways at 390 px, and axe again at 1366 px in Persian; screenshots at both widths
/// (screenshots/a11y-&lt;role&gt;-&lt;page&gt;-&lt;fa|en&gt;-&lt;width&gt;.png). One role per case, so a failure names its role; the
/// roles are split over two classes (each with its own app) that xunit runs side by side.
/// </summary>
public sealed class A11ySweepTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : A11ySweep(browser, output), IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Roles => ["visitor", "resident", "volunteer", "facilitator", "agency"];

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Every_page_of_a_role_has_no_axe_violation_and_fits_a_phone_in_both_languages(string role) => SweepAsync(role);

    [Fact]
    public async Task On_a_phone_the_staff_menu_waits_behind_a_labelled_button_and_the_skip_link_reaches_the_page()
    {
        var page = await Browser.NewPageAsync();
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
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"), "Tab after the skip link left <main>");

        // A wide screen keeps the menu open beside the page, without the button.
        await page.SetViewportSizeAsync(Desktop, 900);
        await Assertions.Expect(menu).ToBeInViewportAsync();
        await Assertions.Expect(button).ToBeHiddenAsync();
        Browser.AssertNoCspViolations(page);
    }
}
