using Microsoft.Playwright;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>Each demo role signs in with Chromium and lands on its home; a screenshot of each is kept.</summary>
public sealed class RoleJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Theory]
    [InlineData("facilitator.pardisan", "/facilitator", "مرکز مثبت زندگی پردیسان")]
    [InlineData("agency.qom.welfare", "/agency", "اداره کل بهزیستی استان قم")]
    [InlineData("officer.qom", "/province", "استان قم")]
    [InlineData("ministry", "/national", "سلام محله در سراسر کشور")]
    [InlineData("admin", "/admin", "مدیریت سامانه")]
    public async Task A_staff_member_signs_in_and_sees_their_home_in_persian(string userName, string home, string heading)
    {
        var page = await browser.NewPageAsync();
        await page.SignInStaffAsync( userName);

        await page.WaitForURLAsync($"**{home}");
        await Assertions.Expect(page.Locator("h4, h1").First).ToContainTextAsync(heading);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.ShootAsync( $"{userName}-fa");
        browser.AssertNoCspViolations(page);
    }

    [Fact]
    public async Task A_resident_signs_in_with_a_texted_code_and_sees_their_neighbourhood()
    {
        var page = await browser.NewPageAsync();
        await page.SignInResidentAsync(browser.App, "۰۹۱۲۰۰۰۰۰۰۱", shoot: true);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("پردیسان");
        await Assertions.Expect(page.Locator(".salam-round").First).ToContainTextAsync("اولویت‌بندی نیازهای پاییز");
        await page.ShootAsync("resident-fa");
        browser.AssertNoCspViolations(page);
    }

    /// <summary>Hangfire's dashboard runs its own scripts under its own policy; signing out from an interactive page works with its token.</summary>
    [Fact]
    public async Task The_admin_uses_the_jobs_dashboard_under_its_policy_and_signs_out()
    {
        var page = await browser.NewPageAsync();
        await page.SignInStaffAsync("admin");
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync("/jobs/recurring");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("close-due-rounds");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Hangfire === 'object' && typeof window.jQuery === 'function'"), "the dashboard's scripts did not run");
        await page.ShootAsync("admin-jobs");

        await page.GotoAsync("/admin");
        await page.Locator("form[action='/signout'] button").ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/signin**");
        browser.AssertNoCspViolations(page);
    }

    [Fact]
    public async Task Ministry_staff_switch_to_english_and_the_page_turns_left_to_right()
    {
        var page = await browser.NewPageAsync(culture: "en-US");
        await page.SignInStaffAsync("ministry");

        await page.WaitForURLAsync("**/national");
        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync("Salam Mahalleh across the country");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator(".mud-table")).ToContainTextAsync("Mazandaran");
        await page.ShootAsync("ministry-en");
        browser.AssertNoCspViolations(page);
    }
}
