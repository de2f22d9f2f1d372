using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Rounds;

namespace Salam.E2E.Tests;

/// <summary>
/// Inside a live staff session an unknown address, or a page whose id names nothing, shows the translated not-found page in
/// the staff layout; and the flow pages (roster with the place dialog, escalations, results, not-found) on a phone and a desk.
/// </summary>
public sealed class FlowJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> StaffAsync(string userName, string culture, int width)
    {
        var page = await browser.NewPageAsync(culture);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 860);
        await page.SignInStaffAsync(userName);
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        return page;
    }

    /// <summary>On a phone the screen as the person sees it (a full-page picture of a long list is unreadable); on a desk the whole page.</summary>
    private static Task ShootAsync(IPage page, string name, int width) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"),
        FullPage = width >= 600,
    });

    /// <summary>The page's circuit is up: the "connecting" note is gone and its content answers clicks.</summary>
    private static Task LiveAsync(IPage page) => Assertions.Expect(page.Locator(".flow-connecting")).ToHaveCountAsync(0, new() { Timeout = 15000 });

    [Fact]
    public async Task Navigating_inside_a_live_staff_session_to_nothing_shows_the_translated_not_found_page_in_the_staff_layout()
    {
        var page = await StaffAsync("facilitator.pardisan", "fa-IR", 1366);
        await LiveAsync(page);

        foreach (var address in new[] { "/no-such-page", "/duties/999999" })
        {
            await page.EvaluateAsync($"Blazor.navigateTo('{address}')");
            await page.WaitForURLAsync($"**{address}");
            await Assertions.Expect(page.Locator(".salam-status h1")).ToHaveTextAsync("این صفحه پیدا نشد");
            await Assertions.Expect(page.Locator(".salam-drawer a[href='/volunteers']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".salam-status a[href='/']")).ToBeVisibleAsync();
        }
        // The way home works from there.
        await page.Locator(".salam-status a[href='/']").ClickAsync();
        await page.WaitForURLAsync("**/facilitator");
        browser.AssertNoCspViolations(page);
    }

    [Theory]
    [InlineData("fa-IR", 390)]
    [InlineData("fa-IR", 1366)]
    [InlineData("en-US", 390)]
    [InlineData("en-US", 1366)]
    public async Task The_flow_pages_on_a_phone_and_a_desk(string culture, int width)
    {
        var tag = $"{(culture == "fa-IR" ? "fa" : "en")}-{width}";
        var roundId = await browser.ReadAsync(db => db.PriorityRounds.Where(r => (r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published)
            && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان")).Select(r => r.Id).FirstAsync());

        var facilitator = await StaffAsync("facilitator.pardisan", culture, width);
        await facilitator.GotoAsync("/volunteers");
        await LiveAsync(facilitator);
        var place = facilitator.Locator("button.salam-place-from-row").First;
        await place.ClickAsync();
        await Assertions.Expect(facilitator.Locator(".flow-place-dialog .flow-place-who")).ToBeVisibleAsync();
        await ShootAsync(facilitator, $"flow-roster-place-dialog-{tag}", width);
        await facilitator.Keyboard.PressAsync("Escape");
        await Assertions.Expect(facilitator.Locator(".flow-place-dialog")).ToHaveCountAsync(0);

        await facilitator.GotoAsync($"/rounds/{roundId}/results");
        await facilitator.WaitForURLAsync($"**/rounds/{roundId}/staff-results");
        await Assertions.Expect(facilitator.Locator(".results-table")).ToBeVisibleAsync();
        await LiveAsync(facilitator);
        await ShootAsync(facilitator, $"flow-results-facilitator-{tag}", width);

        await facilitator.GotoAsync("/no/such/page");
        await Assertions.Expect(facilitator.Locator(".salam-status h1")).ToBeVisibleAsync();
        await ShootAsync(facilitator, $"flow-not-found-{tag}", width);

        var officer = await StaffAsync("officer.qom", culture, width);
        await officer.GotoAsync("/province/escalations");
        await LiveAsync(officer);
        await Assertions.Expect(officer.Locator(".escalations-table")).ToBeVisibleAsync();
        await ShootAsync(officer, $"flow-escalations-{tag}", width);

        var scrollWidth = await facilitator.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the not-found page is {scrollWidth} px wide at {width} px");
        browser.AssertNoCspViolations(facilitator, officer);
    }
}
