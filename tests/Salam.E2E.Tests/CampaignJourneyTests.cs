using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Domain.Reports;
using static Salam.E2E.Tests.GivingJourneySteps;

namespace Salam.E2E.Tests;

/// <summary>
/// A campaign in Chromium from creation to a delivered allocation and into the roll-up: Qom's officer creates it with the Pardisan
/// centre taking part; Pardisan's facilitator records a pledge and a gift received, receives the pledge, allocates part of the gift
/// to Pardisan and delivers it; the campaign page and its CSV show it; the administrator runs the roll-up, and the report and its
/// export show Qom's rials received, allocated and delivered grown by exactly that much.
/// </summary>
public sealed class CampaignJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const long Pledged = 10_000_000, Gift = 25_000_000, Given = 20_000_000;

    [Fact]
    public async Task A_campaign_is_created_given_to_received_allocated_delivered_and_counted_in_the_rollup_and_its_exports()
    {
        var (qom, centre, pardisan, before) = await browser.ReadAsync(async db =>
        {
            var province = await db.Provinces.Where(p => p.Code == "QOM").Select(p => p.Id).SingleAsync();
            var latest = await db.RollupSnapshots.Where(s => s.Level == RollupLevel.Province && s.ScopeId == province).OrderByDescending(s => s.ComputedAt)
                .Select(s => new Rials(s.DonationsReceivedRials, s.DonationsAllocatedRials, s.DonationsDeliveredRials)).FirstAsync();
            return (province, await db.Centres.Where(c => c.NameEn == "Pardisan Positive Life Centre").Select(c => c.Id).SingleAsync(),
                await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync(), latest);
        });
        var name = $"مثبت ماه پردیسان {Guid.NewGuid().ToString("N")[..4]}";
        var today = ProgrammeCalendar.LocalTime(DateTimeOffset.UtcNow);

        // Qom's officer creates the campaign for the province, with a goal in Persian digits and the Pardisan centre taking part.
        var officer = await browser.NewPageAsync();
        await officer.SignInStaffAsync("officer.qom");
        // The first sign-in of a fresh app on a busy machine can be slow.
        await officer.WaitForURLAsync("**/province", new() { Timeout = 90_000 });
        await officer.GotoAsync("/campaigns/new");
        var box = officer.Locator($"[data-testid=campaign-centre-{centre}]");
        await Assertions.Expect(box).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The box answers once the page's circuit is up; nothing typed after that is lost.
        for (var attempt = 0; attempt < 20 && !await box.IsCheckedAsync(); attempt++)
        {
            await box.ClickAsync();
            await Task.Delay(500);
        }
        await officer.FillHookAsync("campaign-name", name);
        await officer.FillHookAsync("campaign-starts", Typed(JalaliDate(today), persian: true));
        await officer.FillHookAsync("campaign-ends", Typed(JalaliDate(today.AddDays(20)), persian: true));
        await officer.FillHookAsync("campaign-goal-rials", "۵۰۰٬۰۰۰٬۰۰۰");
        await officer.ShootBothWidthsAsync("journey-campaign-1-new-fa");
        await officer.Locator("[data-testid=campaign-save]").ClickAsync();
        await officer.WaitForURLAsync(new Regex(@"/campaigns/\d+$"), new() { Timeout = 90_000 });
        var campaignId = int.Parse(officer.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal(CampaignScope.Province, await browser.ReadAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Scope).SingleAsync()));

        // Pardisan's facilitator records a pledge, then a gift in hand with its receipt.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/campaigns/{campaignId}/centres/{centre}");
        await Assertions.Expect(facilitator.Locator("[data-testid=donation-save]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await RecordAsync(facilitator, "شرکت نان سپید", "شرکت", "۱۰٬۰۰۰٬۰۰۰", receipt: null, lines: 1);
        await RecordAsync(facilitator, "خیریهٔ نور محله", "خیریه", "۲۵٬۰۰۰٬۰۰۰", receipt: "۷۰۱", lines: 2);
        var lines = await browser.ReadAsync(db => db.Donations.Where(d => d.CampaignId == campaignId).Select(d => new { d.Id, d.Amount, d.DonorKind, d.Anonymous }).ToListAsync());
        var (pledge, gift) = (lines.Single(d => d.Amount == Pledged).Id, lines.Single(d => d.Amount == Gift).Id);
        // A company and a charity are named in public: choosing the kind unticked the "anonymous" box the form starts with.
        Assert.Equal((DonorKind.Company, false), lines.Where(d => d.Id == pledge).Select(d => (d.DonorKind, d.Anonymous)).Single());
        Assert.Equal((DonorKind.Charity, false), lines.Where(d => d.Id == gift).Select(d => (d.DonorKind, d.Anonymous)).Single());

        // The pledge is received with its receipt number (today, the form's default day).
        var pledgeLine = facilitator.Locator($".donation-line[data-donation-id='{pledge}']");
        await pledgeLine.Locator("[data-testid=donation-receive-receipt] input, input[data-testid=donation-receive-receipt]").First.FillAsync("۷۰۲");
        await pledgeLine.Locator("[data-testid=donation-receive]").ClickAsync();
        await Assertions.Expect(pledgeLine.Locator(".donation-status")).ToHaveAttributeAsync("data-status", nameof(DonationStatus.Received), new() { Timeout = 30_000 });

        // Part of the gift goes to Pardisan, and is delivered.
        var giftLine = facilitator.Locator($".donation-line[data-donation-id='{gift}']");
        var amount = giftLine.Locator("[data-testid=allocate-amount] input, input[data-testid=allocate-amount]").First;
        await amount.FillAsync("۲۰٬۰۰۰٬۰۰۰");
        await amount.PressAsync("Tab");
        await facilitator.ChooseAsync(giftLine.Locator(".allocate-neighbourhood div.mud-input.mud-select-input"), ".mud-list-item:has-text('پردیسان')");
        var note = giftLine.Locator("[data-testid=allocate-note] input, input[data-testid=allocate-note], textarea[data-testid=allocate-note]").First;
        await note.FillAsync("بسته‌های غذایی برای بیست خانواده");
        await note.PressAsync("Tab");
        await giftLine.Locator("[data-testid=allocate-save]").ClickAsync();
        var allocation = giftLine.Locator(".allocation-line");
        await Assertions.Expect(allocation).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await allocation.Locator("[data-testid=allocation-deliver]").ClickAsync();
        await Assertions.Expect(allocation.Locator(".allocation-status")).ToHaveAttributeAsync("data-status", "Delivered", new() { Timeout = 30_000 });
        Assert.Equal((Given, AllocationStatus.Delivered), await browser.ReadAsync(db => db.Allocations.Where(a => a.DonationId == gift)
            .Select(a => new ValueTuple<long, AllocationStatus>(a.Amount, a.Status)).SingleAsync()));
        Assert.Equal(pardisan, await browser.ReadAsync(db => db.Allocations.Where(a => a.DonationId == gift).Select(a => a.NeighbourhoodId).SingleAsync()));
        await facilitator.ShootBothWidthsAsync("journey-campaign-2-ledger-fa");

        // The campaign page shows the centre's received, allocated and delivered rials.
        await officer.GotoAsync($"/campaigns/{campaignId}");
        var row = officer.Locator($".campaign-centre-row[data-centre-id='{centre}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal((Pledged + Gift, Given, Given), (Figure(await row.Locator(".campaign-received").InnerTextAsync()),
            Figure(await row.Locator(".campaign-allocated").InnerTextAsync()), Figure(await row.Locator(".campaign-delivered").InnerTextAsync())));
        await Assertions.Expect(officer.Locator(".campaign-progress")).ToBeVisibleAsync();
        await officer.ShootBothWidthsAsync("journey-campaign-3-page-fa");

        // The administrator runs the roll-up; Qom's counties' report and its export show the province grown by the journey's rials.
        var admin = await browser.NewPageAsync();
        await admin.SignInStaffAsync("admin");
        await admin.WaitForURLAsync("**/admin");
        await admin.RunRollupAsync();
        await admin.GotoAsync($"/reports/provinces/{qom}");
        var total = admin.Locator(".rollup-table tfoot, .rollup-table .mud-table-foot").First;
        // The giving columns are one group of the report's; at a desk's width they fit beside the place without sideways scrolling.
        await Assertions.Expect(admin.Locator(".rollup-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await admin.SetViewportSizeAsync(1366, 900);
        await admin.Locator(".rollup-columns-giving").ClickUntilVisibleAsync(total.Locator(".rollup-received"));
        await Assertions.Expect(admin.Locator(".rollup-table thead .rollup-g-participation").First).ToBeHiddenAsync();
        Assert.True(await admin.EvaluateAsync<bool>("() => { const r = document.querySelector('.salam-scroll'); return r.scrollWidth <= r.clientWidth + 1; }"),
            "the report's giving columns scroll sideways at 1366 px");
        var after = before with { Received = before.Received + Pledged + Gift, Allocated = before.Allocated + Given, Delivered = before.Delivered + Given };
        Assert.Equal(after, new Rials(Figure(await total.Locator(".rollup-received").InnerTextAsync()),
            Figure(await total.Locator(".rollup-allocated").InnerTextAsync()), Figure(await total.Locator(".rollup-delivered").InnerTextAsync())));
        await Assertions.Expect(admin.Locator(".rollup-table tbody .rollup-received").First).ToHaveTextAsync("—");
        await admin.ShootBothWidthsAsync("journey-campaign-4-report-fa");

        // The same screens in English, then both exports read in English.
        foreach (var (page, path, shot) in new[] { (officer, "/campaigns/new", "journey-campaign-1-new"), (facilitator, $"/campaigns/{campaignId}/centres/{centre}", "journey-campaign-2-ledger"),
            (officer, $"/campaigns/{campaignId}", "journey-campaign-3-page"), (admin, $"/reports/provinces/{qom}", "journey-campaign-4-report") })
        {
            await page.GotoAsync($"/culture?culture=en-US&returnUrl={Uri.EscapeDataString(path)}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ShootBothWidthsAsync($"{shot}-en");
        }

        var report = await admin.DownloadCsvAsync();
        var totalRow = report.Single(r => r["Place"].StartsWith("Total for ", StringComparison.Ordinal));
        Assert.Equal(after, new Rials(long.Parse(totalRow["Received (rials)"], CultureInfo.InvariantCulture),
            long.Parse(totalRow["Allocated (rials)"], CultureInfo.InvariantCulture), long.Parse(totalRow["Delivered (rials)"], CultureInfo.InvariantCulture)));

        await officer.GotoAsync($"/campaigns/{campaignId}");
        var csv = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("[data-testid=campaign-export-csv]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await csv.PathAsync());
        using var reader = CsvHelper.CsvReader.Create(bytes.AsMemory(3), new CsvHelper.CsvReaderOptions { HasHeader = true });
        var donations = new List<Dictionary<string, string>>();
        while (reader.Read()) donations.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        Assert.Equal(2, donations.Count);
        Assert.Equal(Pledged + Gift, donations.Sum(d => long.Parse(d["Amount"], CultureInfo.InvariantCulture)));
        Assert.Equal(Given, donations.Sum(d => long.Parse(d["Delivered"] is "" ? "0" : d["Delivered"], CultureInfo.InvariantCulture)));
        browser.AssertNoCspViolations(officer, facilitator, admin);
    }

    private sealed record Rials(long Received, long Allocated, long Delivered);

    /// <summary>Records a donor's pledge, or a gift in hand when a receipt is given, and waits for its line.</summary>
    private static async Task RecordAsync(IPage page, string donor, string donorKind, string amount, string? receipt, int lines)
    {
        // Typed before the circuit answers, the amount is lost: type again until the field shows its toman.
        var field = page.Locator("input[data-testid=donation-amount]");
        for (var attempt = 0; attempt < 10 && !await page.Locator(".donation-amount").GetByText("تومان").IsVisibleAsync(); attempt++)
        {
            await field.FillAsync(amount);
            await field.PressAsync("Tab");
            await Task.Delay(1000);
        }
        await page.FillHookAsync("donation-donor", donor);
        await page.ChooseAsync(page.Locator(".donation-donor-kind div.mud-input.mud-select-input"), $".mud-list-item:has-text('{donorKind}')");
        await Assertions.Expect(page.Locator("[data-testid=donation-anonymous]")).Not.ToBeCheckedAsync();
        if (receipt is not null)
        {
            await page.Locator("[data-testid=donation-received]").CheckAsync();
            await page.FillHookAsync("donation-receipt", receipt);
        }
        await page.Locator("[data-testid=donation-save]").ClickAsync();
        // The first save of a fresh app compiles its queries: on a busy 2-core machine that can take long.
        await Assertions.Expect(page.Locator(".donation-line")).ToHaveCountAsync(lines, new() { Timeout = 90_000 });
    }
}
