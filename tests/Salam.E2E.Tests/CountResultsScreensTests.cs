using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// The published results of a Schulze round and an equal-shares round as residents read them, in Persian and English,
/// on a phone (390 px) and a desk (1366 px): the page never scrolls sideways (the wide tables scroll in their own region).
/// </summary>
public sealed class CountResultsScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(CountingMethod.Schulze)]
    [InlineData(CountingMethod.EqualShares)]
    public async Task Published_results_read_well_in_both_languages_on_a_phone_and_a_desk(CountingMethod method)
    {
        var roundId = await PublishedRoundAsync(method);
        var wide = new List<string>();
        foreach (var culture in new[] { "fa-IR", "en-US" })
        {
            var page = await browser.NewPageAsync(culture);
            // One resident per sign-in: the code limits per mobile number would slow a second one down.
            await page.SignInResidentAsync(browser.App, CountArrange.PardisanResident((method == CountingMethod.Schulze ? 1 : 3) + (culture == "fa-IR" ? 0 : 1)));
            foreach (var width in new[] { 390, 1366 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.GotoAsync($"/rounds/{roundId}/results");
                await Assertions.Expect(page.Locator(".count-record")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator(method == CountingMethod.Schulze ? ".schulze-pairwise" : ".equal-shares-table")).ToBeVisibleAsync();
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                var (scroll, client) = (widths[0], widths[1]);
                var name = $"count-results-{method.ToString().ToLowerInvariant()}-{culture[..2]}-{width}";
                await page.ShootAsync(name);
                // The method's own tables and the count record, each on its own, to read at full size.
                await Shoot(page.Locator(method == CountingMethod.Schulze ? ".schulze-details" : ".equal-shares-details"), $"{name}-details");
                await Shoot(page.Locator(".count-record"), $"{name}-record");
                if (scroll > client) wide.Add($"{culture} {width}px: the page is {scroll}px wide in a {client}px window");
            }
            browser.AssertNoCspViolations(page);
            await page.Context.CloseAsync();
        }
        Assert.Empty(wide);
    }

    private static Task Shoot(ILocator section, string name) =>
        section.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png") });

    private async Task<int> PublishedRoundAsync(CountingMethod method)
    {
        var place = await browser.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var needs = await browser.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved)
            .OrderBy(n => n.Id).Select(n => n.Id).Take(5).ToListAsync());
        var equalShares = method == CountingMethod.EqualShares;
        long[] costs = [450_000_000, 300_000_000, 600_000_000, 250_000_000, 150_000_000];
        var now = DateTimeOffset.UtcNow;
        var title = equalShares ? "بودجهٔ مشارکتی پاییز" : "اولویت‌های پاییز به روش شولتسه";
        var roundId = await browser.App.SendAsStaffAsync<int>("facilitator.pardisan", new CreateRound(place, title, now.AddMinutes(-1), now.AddDays(7), 3, needs,
            method, equalShares ? 1_200_000_000 : null, equalShares ? [.. needs.Select((id, i) => new NeedCost(id, costs[i]))] : null));
        await browser.App.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new OpenRound(roundId));
        int[][] ballots = [[0, 1, 2], [1, 0], [2, 0, 1], [0, 2], [3, 0, 1], [1, 2, 0], [0, 1], [2, 1, 3], [0, 3], [1], [4, 0], [0, 2, 1]];
        for (var i = 0; i < ballots.Length; i++)
            await browser.App.SendAsResidentAsync<BallotReceipt>(CountArrange.PardisanResident(20 + i), new SubmitBallot(roundId, [.. ballots[i].Select(k => needs[k])]));
        await browser.App.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new CloseRound(roundId));
        await browser.App.SendAsStaffAsync<RoundStatus>("officer.qom", new PublishRound(roundId));
        return roundId;
    }
}
