using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>The steps every journey shares: signing in as a person does, and keeping a screenshot.</summary>
internal static class Pages
{
    public static async Task SignInStaffAsync(this IPage page, string userName)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoDataSeeder.DemoPassword);
        await page.ClickAsync("form:has(#password) button[type=submit]");
    }

    public static async Task SignInResidentAsync(this IPage page, SalamWebFactory app, string typedMobile, bool shoot = false)
    {
        await page.GotoAsync("/signin");
        if (shoot) await page.ShootAsync("signin-fa");
        await page.FillAsync("#mobile", typedMobile);
        await page.ClickAsync("form:has(#mobile) button[type=submit]");
        await page.WaitForURLAsync("**/signin/code**");
        await page.FillAsync("#code", SignInFlows.LastCode(app, Salam.Domain.People.MobileNumber.Parse(typedMobile).Value));
        if (shoot) await page.ShootAsync("resident-code-fa");
        await page.ClickAsync("form:has(#code) button[type=submit]");
        await page.WaitForURLAsync("**/resident");
    }

    /// <summary>
    /// Waits for a plain form's answer to reach the address bar, not for the new page's load event: CI once saw the code page
    /// drawn in full while its load event never came within 30 s. The step after this waits for the field it needs.
    /// </summary>
    public static Task ArriveAtAsync(this IPage page, string urlGlob) =>
        page.WaitForURLAsync(urlGlob, new() { WaitUntil = WaitUntilState.Commit });

    /// <summary>The journey ran under the app's Content-Security-Policy without the browser refusing anything.</summary>
    public static void AssertNoCspViolations(this BrowserFixture browser, params IPage[] pages) =>
        Assert.Empty(pages.SelectMany(browser.CspViolations).Distinct());

    public static Task ShootAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>
    /// Staff pages answer clicks once their circuit is up; until then a click is retried rather than lost. Each try waits
    /// a while for the result, and a target that has since turned disabled (the click did land) is not clicked again.
    /// </summary>
    public static async Task ClickUntilVisibleAsync(this ILocator target, ILocator appears)
    {
        for (var attempt = 0; attempt < 15 && !await appears.IsVisibleAsync(); attempt++)
        {
            if (await target.IsEnabledAsync()) await target.ClickAsync(new() { Timeout = 5000 });
            try { await appears.WaitForAsync(new() { Timeout = 1500 }); }
            catch (TimeoutException) { }
        }
        await Assertions.Expect(appears).ToBeVisibleAsync();
    }

    /// <summary>
    /// Follows a menu link on a staff page. A click while the page's circuit is still starting moves the address bar but
    /// can leave the old page rendered (CI saw the admin's home stay on screen at /admin/messages for 15 s); a person then
    /// reloads, and so does this, once.
    /// </summary>
    public static async Task FollowLinkAsync(this IPage page, ILocator link, string urlGlob, ILocator appears)
    {
        await link.ClickAsync();
        await page.WaitForURLAsync(urlGlob);
        try { await appears.WaitForAsync(new() { Timeout = 5000 }); }
        catch (TimeoutException) { await page.ReloadAsync(); }
        await Assertions.Expect(appears).ToBeVisibleAsync(new() { Timeout = 15000 });
    }

    /// <summary>
    /// Saves a staff form that moves on to a new address: a click the busy circuit lost (CI saw a shift's save leave the form
    /// on screen for 90 s) is clicked again, but only while the button is enabled, so a save still in flight is never
    /// repeated. A refusal shown on the page stops it, and fails the test with the refusal's text.
    /// </summary>
    public static async Task ClickUntilAddressAsync(this IPage page, ILocator save, Regex address)
    {
        var refusal = page.Locator(".mud-alert-text-error, .salam-error, .validation-message").First;
        for (var attempt = 0; attempt < 10 && !address.IsMatch(page.Url) && !await refusal.IsVisibleAsync(); attempt++)
        {
            if (await save.IsEnabledAsync()) await save.ClickAsync(new() { Timeout = 5000 });
            try { await page.WaitForURLAsync(address, new() { Timeout = 8000, WaitUntil = WaitUntilState.Commit }); }
            catch (TimeoutException) { }
        }
        if (await refusal.IsVisibleAsync()) Assert.Fail($"the form was refused: {await refusal.InnerTextAsync()}");
        await page.WaitForURLAsync(address, new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Picks an item of a MudSelect: its list opens in a popover outside the field (once the circuit is up; opening twice harms nothing).</summary>
    public static async Task ChooseAsync(this IPage page, ILocator select, string optionSelector)
    {
        var option = page.Locator($".mud-popover-open {optionSelector}").First;
        await select.ClickUntilVisibleAsync(option);
        await option.ClickAsync();
    }

    /// <summary>A multi-select stays open after each choice; a click beside it (on the heading) closes it, and is repeated if the busy circuit lost it.</summary>
    public static async Task CloseListAsync(this IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        var heading = (await page.Locator("h1").First.BoundingBoxAsync())!;
        for (var attempt = 0; attempt < 20 && await open.CountAsync() > 0; attempt++)
        {
            await page.Mouse.ClickAsync(heading.X + 10, heading.Y + heading.Height / 2);
            await Task.Delay(300);
        }
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Checks typed fields still hold what was typed, and types again any that a late render of the busy circuit wiped,
    /// until all hold it across a pause (CI saw a mobile number typed on a form vanish before its save).
    /// </summary>
    public static async Task KeepFilledAsync(this IPage page, params (ILocator Field, string Text)[] fields)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await page.WaitForTimeoutAsync(300);
            var wiped = false;
            foreach (var (field, text) in fields)
            {
                if (await field.InputValueAsync() == text) continue;
                wiped = true;
                await field.FillAsync(text);
                await field.PressAsync("Tab");
            }
            if (!wiped) return;
        }
        foreach (var (field, text) in fields) await Assertions.Expect(field).ToHaveValueAsync(text);
    }
}
