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

    public static Task ShootAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
