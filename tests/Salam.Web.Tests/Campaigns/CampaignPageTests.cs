using Bunit;
using Salam.Domain.Campaigns;
using Salam.Testing;
using Salam.Web.Components.Pages.Campaigns;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// The campaigns list and a campaign's page over the real application: progress against the goal in rials and toman with
/// Persian digits, a line per centre taking part, the exports and the public page linked; its owner may revise it, a
/// facilitator goes to their own centre's ledger.
/// </summary>
public sealed class CampaignPageTests : StaffComponentTest
{
    private static async Task<(QomPlaces Qom, Campaign Campaign)> ArrangeAsync(TestApp app) => await app.ReadAsync(async db =>
    {
        var qom = await QomPlaces.FindAsync(db);
        var now = app.Clock.GetUtcNow();
        var campaign = await qom.CampaignAsync(db, now);
        var gift = qom.Gift(campaign, qom.PardisanCentre, "خانوادهٔ رضایی", 12_500_000, "R-1", now);
        db.Donations.AddRange(gift, qom.Pledge(campaign, qom.KahakCentre, "شرکت نور", 4_000_000, now),
            Donation.Receipt(campaign, qom.KahakCentre, qom.Province, DonorKind.Charity, "خیریهٔ امید", false, DonationKind.InKind, AidItem.FoodPackage, 40, "K-9",
                Salam.Domain.Common.ProgrammeCalendar.DayOf(now), 1, now));
        await db.SaveChangesAsync();
        gift.Allocate(5_000_000, qom.Pardisan, null, null, "بسته‌های غذایی", 1, now);
        await db.SaveChangesAsync();
        return (qom, campaign);
    });

    [Fact]
    public async Task The_officer_sees_progress_against_the_goal_in_persian_digits_a_line_per_centre_and_the_exports()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app);
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".campaign-progress")), Patience);
        Assert.Contains("۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)", page.Find(".campaign-stage-received").TextContent);
        Assert.Contains("۱۲٫۵٪", page.Find(".campaign-stage-received").TextContent);
        Assert.Contains("۵٬۰۰۰٬۰۰۰ ریال", page.Find(".campaign-stage-allocated").TextContent);
        Assert.Equal("0.125", page.Find(".campaign-stage-received .campaign-bar-fill").GetAttribute("style")!.Split(':')[1].Trim());
        Assert.Contains("۴۰ از ۱۰۰", page.Find(".campaign-item[data-item=FoodPackage]").TextContent);

        var pardisan = page.Find($".campaign-centre-row[data-centre-id='{qom.PardisanCentre}']");
        Assert.Contains("۱۲٬۵۰۰٬۰۰۰", pardisan.QuerySelector(".campaign-received")!.TextContent);
        Assert.Equal($"/campaigns/{campaign.Id}/centres/{qom.PardisanCentre}", pardisan.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.Find($".campaign-centre-row[data-centre-id='{qom.KahakCentre}']"));
        Assert.Equal($"/campaigns/{campaign.Id}/export.csv", page.Find("[data-testid=campaign-export-csv]").GetAttribute("href"));
        Assert.Equal($"/campaigns/{campaign.Id}/export.xlsx", page.Find("[data-testid=campaign-export-xlsx]").GetAttribute("href"));
        Assert.Equal($"/c/{campaign.Id}", page.Find("[data-testid=campaign-public-link]").GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-testid=campaign-revise]"));
    }

    [Fact]
    public async Task A_facilitator_sees_their_own_centre_only_goes_to_its_ledger_and_may_not_revise()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app);
        await SignInAsync(app, QomPlaces.Facilitator);

        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".campaign-progress")), Patience);
        Assert.Equal($"/campaigns/{campaign.Id}/centres/{qom.PardisanCentre}", page.Find("[data-testid=campaign-own-ledger]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=campaign-revise]"));
        Assert.Empty(page.FindAll($".campaign-centre-row[data-centre-id='{qom.KahakCentre}']"));
    }

    [Fact]
    public async Task Another_province_s_officer_is_told_the_campaign_is_out_of_reach()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (_, campaign) = await ArrangeAsync(app);
        await SignInAsync(app, "officer.mazandaran");

        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-alert")), Patience);
        Assert.Empty(page.FindAll(".campaign-progress"));
    }

    [Fact]
    public async Task The_list_shows_the_campaign_with_its_window_and_goal_in_rials_and_toman()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (_, campaign) = await ArrangeAsync(app);
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($".campaign-line[data-campaign-id='{campaign.Id}']")), Patience);
        var line = page.Find($".campaign-line[data-campaign-id='{campaign.Id}']");
        Assert.Contains("۱۰۰٬۰۰۰٬۰۰۰ ریال (۱۰٬۰۰۰٬۰۰۰ تومان)", line.TextContent);
        Assert.Equal($"/campaigns/{campaign.Id}", line.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-testid=campaign-new]"));
    }
}
