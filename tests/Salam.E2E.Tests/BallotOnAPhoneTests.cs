using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// A resident's pages at 390 px and 1366 px, Persian and English: sign-in, home, the ballot before and after choosing (used
/// ranks disabled by script), the receipt, and — with script off — a rank given twice refused naming the rank and the needs.
/// </summary>
public sealed class BallotOnAPhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fa", 390, "09120000002")]
    [InlineData("fa", 1366, "09120000003")]
    [InlineData("en", 390, "09120000004")]
    [InlineData("en", 1366, "09120000005")]
    public async Task A_resident_ranks_on_a_card_per_need_reads_the_receipt_and_a_rank_given_twice_is_named(string culture, int width, string mobile)
    {
        var roundId = await browser.ReadAsync(db => db.PriorityRounds
            .Where(r => r.Status == RoundStatus.Open && db.Residents.Any(p => p.Mobile == mobile && p.NeighbourhoodId == r.NeighbourhoodId))
            .Select(r => r.Id).SingleAsync());
        var shot = $"{culture}-{width}";
        await using var context = await NewContextAsync(width, javaScript: true, null);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/culture?culture={(culture == "fa" ? "fa-IR" : "en-US")}&returnUrl=/signin");
        await page.ShootAsync($"weight-signin-{shot}");
        await SignInAsync(page, mobile);
        await page.ShootAsync($"weight-home-{shot}");

        await page.GotoAsync($"/rounds/{roundId}/ballot");
        await page.ShootAsync($"weight-ballot-{shot}");
        await AssertFitsAsync(page, width);
        var ranks = page.Locator("select.ballot-rank");
        // Each need's rank choice spans its card: on a phone nearly the whole screen.
        var box = (await ranks.First.BoundingBoxAsync())!;
        if (width == 390) Assert.True(box.Width >= 300, $"the rank choice is {box.Width}px wide");
        // Clear what an earlier ballot left, then rank two needs.
        for (var i = 0; i < await ranks.CountAsync(); i++) await ranks.Nth(i).SelectOptionAsync("");
        await ranks.Nth(0).SelectOptionAsync("1");
        await ranks.Nth(2).SelectOptionAsync("2");
        Assert.True(await ranks.Nth(1).Locator("option[value='1']").IsDisabledAsync());
        Assert.True(await ranks.Nth(1).Locator("option[value='2']").IsDisabledAsync());
        Assert.False(await ranks.Nth(0).Locator("option[value='1']").IsDisabledAsync());
        await Assertions.Expect(page.Locator("#ballot-progress")).ToHaveTextAsync(culture == "fa" ? "۲ از ۵ رتبه انتخاب شد" : "2 of 5 ranked");
        await page.ShootAsync($"weight-ballot-chosen-{shot}");
        await page.ClickAsync("form button[type=submit].salam-button");
        await Assertions.Expect(page.Locator(".ballot-receipt [role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ballot-ranking li")).ToHaveCountAsync(2);
        await page.ShootAsync($"weight-receipt-{shot}");
        await AssertFitsAsync(page, width);
        Assert.Empty(_cspViolations);

        // Without script nothing stops two needs getting one rank: the server refuses it and says which.
        await using var plain = await NewContextAsync(width, javaScript: false, await context.StorageStateAsync());
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync($"/rounds/{roundId}/ballot");
        var plainRanks = noScript.Locator("select.ballot-rank");
        await plainRanks.Nth(1).SelectOptionAsync("2");
        var twice = new[] { await noScript.Locator(".ballot-card h3").Nth(1).TextContentAsync(), await noScript.Locator(".ballot-card h3").Nth(2).TextContentAsync() };
        await noScript.ClickAsync("form button[type=submit].salam-button");
        var error = noScript.Locator(".salam-error");
        await Assertions.Expect(error).ToContainTextAsync(culture == "fa" ? "رتبهٔ ۲" : "rank 2");
        foreach (var title in twice) await Assertions.Expect(error).ToContainTextAsync(title!);
        await noScript.ShootAsync($"weight-ballot-twice-{shot}");
    }

    private readonly List<string> _cspViolations = [];

    private async Task<IBrowserContext> NewContextAsync(int width, bool javaScript, string? state)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 },
            JavaScriptEnabled = javaScript,
            StorageState = state,
        });
        // Chromium reports each refusal under the Content-Security-Policy on the console (ballot.js must run under it).
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _cspViolations.Add(message.Text);
        };
        return context;
    }

    private async Task SignInAsync(IPage page, string mobile)
    {
        await page.FillAsync("#mobile", mobile);
        await page.ClickAsync("form:has(#mobile) button[type=submit]");
        await page.WaitForURLAsync("**/signin/code**");
        await page.FillAsync("#code", SignInFlows.LastCode(browser.App, mobile));
        await page.ClickAsync("form:has(#code) button[type=submit]");
        await page.WaitForURLAsync("**/resident");
    }

    private static async Task AssertFitsAsync(IPage page, int width) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{page.Url} scrolls sideways at {width}px");
}
