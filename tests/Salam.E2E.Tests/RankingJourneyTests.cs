using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>The heart of the programme in Chromium: a resident proposes, ranks and revises; the facilitator closes; the resident reads the results.</summary>
public sealed class RankingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_proposes_ranks_and_revises_the_facilitator_closes_and_the_resident_sees_the_results()
    {
        var resident = await browser.NewPageAsync();
        await resident.SignInResidentAsync(browser.App, DemoDataSeeder.FirstResidentMobile);

        // Propose: typing an existing need's title with Arabic ي/ك and no half-spaces still brings it up as a suggestion.
        var existing = await ExistingPardisanNeedAsync();
        var typedTheArabicWay = existing.Replace('ی', 'ي').Replace('ک', 'ك').Replace("\u200C", "", StringComparison.Ordinal);
        await resident.ClickAsync("a[href='/needs/propose']");
        await resident.Locator("#title").PressSequentiallyAsync(typedTheArabicWay, new() { Delay = 10 });
        await Assertions.Expect(resident.Locator("#similar")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("#similar li").First).ToContainTextAsync(existing);
        await resident.ShootAsync("ranking-1-propose-similar-fa");
        await resident.Locator("#title").FillAsync("کتابخانهٔ کوچک در پارک محله");
        await resident.FillAsync("#description", "جایی برای کتاب خواندن کودکان و نوجوانان در عصرها.");
        await resident.SelectOptionAsync("#category", "Education");
        await resident.ClickAsync("form:has(#title) button[type=submit]");
        await Assertions.Expect(resident.Locator(".salam-success")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("table")).ToContainTextAsync("کتابخانهٔ کوچک در پارک محله");
        await resident.ShootAsync("ranking-2-proposed-fa");

        // Rank three needs, then revise to two.
        await resident.GotoAsync("/resident");
        await resident.ClickAsync(".salam-round a.salam-action");
        // One card per need with its rank inside; with script on, a rank given to one need is disabled in the others.
        var ranks = resident.Locator("select.ballot-rank");
        await ranks.First.WaitForAsync();
        await ranks.Nth(0).SelectOptionAsync("1");
        await ranks.Nth(1).SelectOptionAsync("2");
        await ranks.Nth(2).SelectOptionAsync("3");
        Assert.True(await ranks.Nth(3).Locator("option[value='1']").IsDisabledAsync());
        Assert.False(await ranks.Nth(3).Locator("option[value='4']").IsDisabledAsync());
        await Assertions.Expect(resident.Locator("#ballot-progress")).ToHaveTextAsync("۳ از ۵ رتبه انتخاب شد");
        await resident.ShootAsync("ranking-3-ballot-fa");
        await resident.ClickAsync("form button[type=submit].salam-button");
        await Assertions.Expect(resident.Locator(".salam-success")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".ballot-ranking li")).ToHaveCountAsync(3);

        // Revise to two: the third need first, the first second (ranks are freed before they are given again).
        for (var i = 0; i < 3; i++) await ranks.Nth(i).SelectOptionAsync("");
        await ranks.Nth(2).SelectOptionAsync("1");
        await ranks.Nth(0).SelectOptionAsync("2");
        await resident.ClickAsync("form button[type=submit].salam-button");
        await Assertions.Expect(resident.Locator(".salam-success")).ToBeVisibleAsync();
        Assert.Equal("1", await ranks.Nth(2).InputValueAsync());
        Assert.Equal("", await ranks.Nth(1).InputValueAsync());
        await Assertions.Expect(resident.Locator(".ballot-ranking li")).ToHaveCountAsync(2);
        await resident.ShootAsync("ranking-4-revised-fa");

        // A gap in the ranks is refused with a clear message naming the empty rank.
        await ranks.Nth(0).SelectOptionAsync("");
        await ranks.Nth(1).SelectOptionAsync("3");
        await resident.ClickAsync("form button[type=submit].salam-button");
        await Assertions.Expect(resident.Locator(".salam-error")).ToContainTextAsync("پشت سر هم");
        await Assertions.Expect(resident.Locator(".salam-error")).ToContainTextAsync("رتبهٔ ۲");

        // The facilitator closes the round early from the neighbourhood desk.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        // Opened by URL: a click before the home page's circuit is up can be undone when that circuit starts.
        await facilitator.GotoAsync((await facilitator.GetAttributeAsync("a:has-text('پردیسان')", "href"))!);
        await Assertions.Expect(facilitator.Locator(".moderation-table")).ToContainTextAsync("کتابخانهٔ کوچک در پارک محله");
        await facilitator.ShootAsync("ranking-5-facilitator-needs-fa");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "دورهای اولویت‌بندی" }).ClickUntilVisibleAsync(facilitator.Locator(".rounds-table"));
        await facilitator.ShootAsync("ranking-6-facilitator-rounds-fa");
        // Closing early ends everyone's vote: it is confirmed first, and the table then shows when it really closed.
        await facilitator.ClickAsync("button.close-round");
        var confirm = facilitator.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("پیش از موعدش");
        await facilitator.ShootAsync("ranking-6b-confirm-close-fa");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "بستن و شمارش" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator(".rounds-table")).Not.ToContainTextAsync("بستن و شمارش");
        await Assertions.Expect(facilitator.Locator(".rounds-table .closed-early")).ToBeVisibleAsync();

        // Residents see results once published; the officer's publish step is the results page's (ui), so it is done here directly.
        await browser.ReadAsync(async db =>
        {
            var closed = await db.PriorityRounds.Where(r => r.Status == RoundStatus.Closed && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان")).ToListAsync();
            closed.ForEach(r => r.Publish());
            return await db.SaveChangesAsync();
        });

        // The resident reads the results.
        await resident.GotoAsync("/resident");
        await resident.ClickAsync("a[href$='/results']:has-text('پاییز')");
        await Assertions.Expect(resident.Locator(".results-table tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(resident.Locator(".results-chart .salam-bars-fill").First).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".results-when")).ToContainTextAsync("پیش از موعد بسته شد");
        await resident.ShootAsync("ranking-7-results-fa");
        browser.AssertNoCspViolations(resident, facilitator);
    }

    private async Task<string> ExistingPardisanNeedAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        return await db.Needs.Where(n => n.Status == NeedStatus.Approved && db.Neighbourhoods.Any(h => h.Id == n.NeighbourhoodId && h.NameFa == "پردیسان"))
            .OrderBy(n => n.Id).Select(n => n.Title).FirstAsync();
    }
}
