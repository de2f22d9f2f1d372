using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Testing;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.E2E.Tests;

/// <summary>
/// A count anyone can check, in Chromium: a facilitator drafts an equal-shares round with costs and a budget and opens it,
/// residents vote online and on paper (one batch opened, filled and closed at the desk, countersigned by the officer beside the results), the facilitator closes, the officer recounts
/// ("agrees") and publishes, the ballot file is downloaded and tools/Salam.Count, run on it, selects the published needs.
/// </summary>
public sealed class CountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "بودجهٔ مشارکتی پردیسان";

    [Fact]
    public async Task An_equal_shares_round_is_voted_counted_recounted_published_and_its_ballot_file_counts_the_same_outside()
    {
        var place = await browser.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var needs = await browser.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved)
            .OrderBy(n => n.Id).Select(n => new { n.Id, n.Title }).Take(4).ToListAsync());
        long[] costs = [400_000_000, 300_000_000, 500_000_000, 200_000_000];

        // The facilitator drafts the round: equal shares, a budget of a billion rials, each need's cost, and opens it.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{place}");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "دورهای اولویت‌بندی" }).ClickUntilVisibleAsync(facilitator.Locator(".rounds-table"));
        await facilitator.Locator(".round-title input").FillAsync(Title);
        await Type(facilitator.Locator(".round-max-ranks input"), "۳");
        foreach (var need in needs) await facilitator.Locator(".round-need", new() { HasText = need.Title }).Locator("input").CheckAsync();
        await facilitator.Locator(".round-method-equalshares input").ClickUntilVisibleAsync(facilitator.Locator(".round-budget"));
        await Type(facilitator.Locator(".round-budget input"), "۱٬۰۰۰٬۰۰۰٬۰۰۰");
        await Assertions.Expect(facilitator.Locator(".round-budget")).ToContainTextAsync("۱۰۰٬۰۰۰٬۰۰۰ تومان");
        for (var i = 0; i < needs.Count; i++) await Type(facilitator.Locator($".round-cost-{needs[i].Id} input"), costs[i].ToString());
        await facilitator.ShootAsync("count-1-create-equal-shares-fa");
        await facilitator.ClickAsync("button.round-create");
        var row = facilitator.Locator(".rounds-table tr", new() { HasText = Title });
        await row.Locator("button.open-round").ClickUntilVisibleAsync(row.Locator("button.close-round"));
        var roundId = await browser.ReadAsync(db => db.PriorityRounds.Where(r => r.Title == Title).Select(r => r.Id).SingleAsync());
        var drafted = await browser.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => new { r.Status, r.Method, r.Budget }).SingleAsync());
        Assert.Equal(new { Status = RoundStatus.Open, Method = CountingMethod.EqualShares, Budget = (long?)1_000_000_000L }, drafted);

        // Three residents vote in the browser, six more through the app's own commands.
        for (var n = 1; n <= 3; n++)
        {
            var resident = await browser.NewPageAsync();
            await resident.SignInResidentAsync(browser.App, CountArrange.PardisanResident(n));
            await resident.GotoAsync($"/rounds/{roundId}/ballot");
            await resident.SelectOptionAsync($"#rank-{needs[n % needs.Count].Id}", "1");
            await resident.SelectOptionAsync($"#rank-{needs[(n + 1) % needs.Count].Id}", "2");
            if (n == 1) await resident.ShootAsync("count-2-ballot-fa");
            await resident.ClickAsync("form button[type=submit].salam-button");
            await Assertions.Expect(resident.Locator(".salam-success")).ToBeVisibleAsync();
            await resident.Context.CloseAsync();
        }
        int[][] online = [[0, 2], [2], [2, 1, 3], [0], [1, 0], [3, 2]];
        for (var i = 0; i < online.Length; i++)
            await browser.App.SendAsResidentAsync<BallotReceipt>(CountArrange.PardisanResident(10 + i), new SubmitBallot(roundId, [.. online[i].Select(k => needs[k].Id)]));

        // Paper: the facilitator opens a batch of three sheets at the desk, enters one there (the other two through the app's
        // own commands, to stay quick) and closes it; the officer countersigns it beside the results.
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{place}");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "ثبت برگهٔ کاغذی" }).ClickUntilVisibleAsync(facilitator.Locator(".batch-declared"));
        await Type(facilitator.Locator(".batch-declared input"), "۳");
        await facilitator.Locator("button.batch-open").ClickUntilVisibleAsync(facilitator.Locator(".batch-entry"));
        var batch = await browser.ReadAsync(db => db.PaperBatches.Where(b => b.RoundId == roundId).Select(b => b.Id).SingleAsync());
        int[][] paper = [[1], [3, 0], [0, 1, 2]]; // the desk's sheet ranks one need: one MudSelect in the browser is enough
        await Type(facilitator.Locator(".batch-entry .national-id input"), NationalIds.Valid(770_000));
        await Type(facilitator.Locator(".batch-entry .mobile input"), "09350000001");
        await Type(facilitator.Locator(".batch-entry .full-name input"), "ساکن کاغذی ۱");
        for (var rank = 0; rank < paper[0].Length; rank++)
            await facilitator.ChooseAsync(facilitator.Locator(".batch-entry .mud-select-input").Nth(rank), $".mud-list-item:has-text('{needs[paper[0][rank]].Title}')");
        await facilitator.ClickAsync(".batch-entry button.paper-submit");
        await Assertions.Expect(facilitator.Locator(".batch-entering")).ToContainTextAsync("۱ از ۳");
        for (var i = 1; i < paper.Length; i++)
            await browser.App.SendAsStaffAsync<PaperBallotReceipt>("facilitator.pardisan",
                new SubmitPaperBallot(roundId, NationalIds.Valid(770_000 + i), $"0935{i + 1:D7}", $"ساکن کاغذی {i + 1}", [.. paper[i].Select(k => needs[k].Id)], batch));
        await facilitator.ReloadAsync();
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "ثبت برگهٔ کاغذی" }).ClickUntilVisibleAsync(facilitator.Locator(".paper-batches"));
        await facilitator.Locator("button.batch-close").ClickAsync();
        await Assertions.Expect(facilitator.Locator("button.batch-close")).ToHaveCountAsync(0);
        await facilitator.ShootAsync("count-2b-paper-batch-closed-fa");
        Assert.Equal(PaperBatchStatus.Closed, await browser.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batch).Select(b => b.Status).SingleAsync()));

        var officer = await browser.NewPageAsync();
        await officer.SignInStaffAsync("officer.qom");
        await officer.WaitForURLAsync(url => !url.Contains("/signin"));
        await officer.GotoAsync($"/rounds/{roundId}/staff-results");
        await officer.Locator(".officer-batches button.batch-countersign").ClickAsync();
        await Assertions.Expect(officer.Locator(".officer-batches button.batch-countersign")).ToHaveCountAsync(0);
        Assert.Equal(PaperBatchStatus.Countersigned, await browser.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batch).Select(b => b.Status).SingleAsync()));

        // The facilitator closes; the round now waits for the officer.
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{place}");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "دورهای اولویت‌بندی" }).ClickUntilVisibleAsync(facilitator.Locator(".rounds-table"));
        await row.Locator("button.close-round").ClickAsync();
        await facilitator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "بستن و شمارش" }).ClickAsync();
        await Assertions.Expect(row.Locator(".round-status")).ToContainTextAsync("در انتظار انتشار");

        // The officer recounts (it agrees) and publishes.
        await officer.GotoAsync($"/rounds/{roundId}/staff-results");
        await officer.Locator("button.round-recount").ClickUntilVisibleAsync(officer.Locator(".recount-agrees"));
        await officer.ShootAsync("count-3-recount-agrees-fa");
        await officer.ClickAsync("button.round-publish");
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "انتشار نتایج" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".count-download")).ToBeVisibleAsync();
        Assert.Equal(RoundStatus.Published, await browser.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync()));
        await officer.ShootAsync("count-4-published-fa");

        // The ballot file: its hash is the count record's, and the CLI selects exactly the needs published as funded.
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync(".count-download"));
        var file = Path.Combine(Path.GetTempPath(), $"salam-e2e-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        Assert.EndsWith(".pb", download.SuggestedFilename);
        var sha = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        Assert.Equal(sha, (await officer.Locator(".count-sha").TextContentAsync())!.Trim(), ignoreCase: true);

        var (exit, lines, error) = await CountArrange.RunCountToolAsync("--method", "equal-shares", "--input", file);
        Assert.True(exit == 0, error);
        var selected = lines[^1];
        // Kept beside the screenshots, for the issue's closing note to quote.
        await File.WriteAllLinesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "count-cli-last-lines.txt"), lines.TakeLast(3));
        Assert.StartsWith("selected:", selected);
        var fundedOnPage = await officer.Locator(".equal-shares-table tr.equal-shares-funded").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.need)");
        var fundedIds = fundedOnPage.Select(int.Parse).Order().ToList();
        var fundedCost = fundedIds.Sum(id => costs[needs.FindIndex(n => n.Id == id)]);
        Assert.Equal($"selected: {string.Join(' ', fundedIds)}{(fundedIds.Count > 0 ? " " : "")}cost={fundedCost}", selected);
        Assert.NotEmpty(fundedIds);
        File.Delete(file);
        browser.AssertNoCspViolations(facilitator, officer);
    }

    private static async Task Type(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.PressAsync("Tab"); // MudBlazor's text field takes the value when it loses focus
    }
}
