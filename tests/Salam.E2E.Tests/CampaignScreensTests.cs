using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;

namespace Salam.E2E.Tests;

/// <summary>
/// The campaign screens in Chromium, in each language: the officer's list, form and campaign page, Pardisan's ledger (a gift
/// recorded through the form, in Persian digits) and the public page. Each is kept at a phone's width and a desk's, passes axe
/// and does not scroll sideways on the phone. The campaign and its donations are written through the domain beforehand, so
/// every state shows (pledged, received, allocated, delivered, anonymous).
/// </summary>
public sealed class CampaignScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private sealed record Scene(int CampaignId, int PardisanCentre);

    private Task<Scene> ArrangeAsync(string lang) => browser.ReadAsync(async db =>
    {
        var province = await db.Provinces.Where(p => p.Code == "QOM").Select(p => p.Id).SingleAsync();
        var centres = await db.Centres.Where(c => c.ProvinceId == province).ToDictionaryAsync(c => c.NameEn, c => c.Id);
        var (pardisanCentre, kahakCentre) = (centres["Pardisan Positive Life Centre"], centres["Kahak Positive Life Centre"]);
        var pardisan = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var today = ProgrammeCalendar.DayOf(now);
        var persian = lang == "fa";
        var campaign = new Campaign(persian ? "مثبت ماه قم" : "Mosbat-e Mah in Qom",
            persian ? "کمک مردمی ماه رمضان برای خانواده‌های نیازمند محله‌ها" : "Ramadan's public donations for families in need",
            today.AddDays(-5), today.AddDays(25), CampaignScope.Province, province, null, [], 250_000_000,
            [new CampaignItemGoal(AidItem.FoodPackage, 200), new CampaignItemGoal(AidItem.SchoolKit, 50)], [pardisanCentre, kahakCentre], 1, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        Donation Gift(int centre, string donor, long rials, string receipt, bool anonymous = false, DonorKind kind = DonorKind.Individual) =>
            Donation.Receipt(campaign, centre, province, kind, donor, anonymous, DonationKind.Cash, null, rials, $"{lang}-{receipt}", today, 1, now);
        var delivered = Gift(pardisanCentre, persian ? "خیریهٔ امام رضا" : "Imam Reza Charity", 80_000_000, "1", kind: DonorKind.Charity);
        var allocated = Gift(pardisanCentre, persian ? "خانوادهٔ رضایی" : "The Rezaei family", 12_500_000, "2", anonymous: true);
        db.Donations.AddRange(delivered, allocated,
            Gift(kahakCentre, "<script>alert('x')</script>", 3_000_000, "3", kind: DonorKind.Company),
            Donation.Receipt(campaign, kahakCentre, province, DonorKind.Company, persian ? "فروشگاه نور" : "Noor store", false, DonationKind.InKind, AidItem.FoodPackage, 60,
                $"{lang}-4", today, 1, now),
            Donation.Pledge(campaign, pardisanCentre, province, DonorKind.Company, persian ? "شرکت آبادان" : "Abadan Co.", false, DonationKind.Vow, null, 20_000_000, today, 1, now));
        await db.SaveChangesAsync();
        var first = delivered.Allocate(80_000_000, pardisan, null, null, persian ? "بسته‌های غذایی برای ۴۰ خانواده" : "Food packages for 40 families", 1, now);
        allocated.Allocate(5_000_000, pardisan, null, null, persian ? "لوازم مدرسه" : "School kits", 1, now);
        await db.SaveChangesAsync();
        delivered.Deliver(first.Id, today, 1, now);
        await db.SaveChangesAsync();
        return new Scene(campaign.Id, pardisanCentre);
    });

    [Theory]
    [InlineData("fa-IR", "fa")]
    [InlineData("en-US", "en")]
    public async Task The_campaign_screens_read_well_on_a_phone_and_a_desk(string culture, string lang)
    {
        var scene = await ArrangeAsync(lang);

        var officer = await browser.NewPageAsync(culture);
        await officer.SignInStaffAsync("officer.qom");
        await officer.WaitForURLAsync("**/province");
        await officer.GotoAsync("/campaigns");
        await Assertions.Expect(officer.Locator($".campaign-line[data-campaign-id='{scene.CampaignId}']")).ToBeVisibleAsync();
        await ShootBothWidthsAsync(officer, $"campaign-1-list-{lang}");
        await officer.GotoAsync("/campaigns/new");
        await Assertions.Expect(officer.Locator(".campaign-centre").First).ToBeVisibleAsync();
        await ShootBothWidthsAsync(officer, $"campaign-2-new-{lang}");
        await officer.GotoAsync($"/campaigns/{scene.CampaignId}");
        await Assertions.Expect(officer.Locator(".campaign-progress")).ToBeVisibleAsync();
        await ShootBothWidthsAsync(officer, $"campaign-3-page-{lang}");

        var facilitator = await browser.NewPageAsync(culture);
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/campaigns/{scene.CampaignId}/centres/{scene.PardisanCentre}");
        await Assertions.Expect(facilitator.Locator(".donation-line").First).ToBeVisibleAsync();
        var before = await facilitator.Locator(".donation-line").CountAsync();
        // Typed before the circuit is up, the amount is lost: type again until the field answers with its toman.
        for (var attempt = 0; attempt < 10 && !await facilitator.Locator(".donation-amount").GetByText(lang == "fa" ? "تومان" : "toman").IsVisibleAsync(); attempt++)
        {
            await facilitator.Locator("input[data-testid=donation-amount]").FillAsync("۲٬۵۰۰٬۰۰۰");
            await facilitator.Locator("input[data-testid=donation-amount]").PressAsync("Tab");
            await Task.Delay(1000);
        }
        await facilitator.Locator("input[data-testid=donation-donor]").FillAsync(lang == "fa" ? "آقای احمدی" : "Mr Ahmadi");
        await facilitator.Locator("[data-testid=donation-received]").CheckAsync();
        await facilitator.Locator("input[data-testid=donation-receipt]").FillAsync($"{lang}-۹۹");
        await facilitator.Locator("[data-testid=donation-save]").ClickAsync();
        // The first save of a fresh app compiles its queries: on a busy 2-core machine that can take long.
        await Assertions.Expect(facilitator.Locator(".donation-line")).ToHaveCountAsync(before + 1, new() { Timeout = 90_000 });
        await ShootBothWidthsAsync(facilitator, $"campaign-4-ledger-{lang}");

        var anyone = await browser.NewPageAsync();
        await anyone.GotoAsync($"/c/{scene.CampaignId}{(lang == "en" ? "?culture=en-US" : "")}");
        await Assertions.Expect(anyone.Locator(".campaign-progress")).ToBeVisibleAsync();
        Assert.Equal(0, await anyone.Locator("script").CountAsync());
        await ShootBothWidthsAsync(anyone, $"campaign-5-public-{lang}");
        browser.AssertNoCspViolations(officer, facilitator, anyone);
    }

    /// <summary>Screenshots at both widths; at the phone's width the screen must also pass axe and not scroll sideways.</summary>
    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.ShootAsync($"{name}-1366");
    }
}
