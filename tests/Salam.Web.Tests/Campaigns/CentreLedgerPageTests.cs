using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Salam.Domain.Campaigns;
using Salam.Testing;
using Salam.Web.Components.Pages.Campaigns;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// A centre's ledger over the real application: the facilitator records a pledge (Persian digits), receives it, allocates to a
/// neighbourhood and marks it delivered; a duplicate receipt number or an allocation above what was received is refused with
/// its reason and nothing written; donor names are shown as text; another centre's ledger is out of reach.
/// </summary>
public sealed class CentreLedgerPageTests : StaffComponentTest
{
    private static async Task<(QomPlaces Qom, Campaign Campaign)> ArrangeAsync(TestApp app, Func<QomPlaces, Campaign, IEnumerable<Donation>>? donations = null) =>
        await app.ReadAsync(async db =>
        {
            var qom = await QomPlaces.FindAsync(db);
            var campaign = await qom.CampaignAsync(db, app.Clock.GetUtcNow());
            db.Donations.AddRange(donations?.Invoke(qom, campaign) ?? []);
            await db.SaveChangesAsync();
            return (qom, campaign);
        });

    private async Task<IRenderedComponent<CentreLedgerPage>> OpenAsync(TestApp app, Campaign campaign, int centreId, string selector = "[data-testid=donation-save]")
    {
        await SignInAsync(app, QomPlaces.Facilitator);
        var page = Render<CentreLedgerPage>(p => p.Add(c => c.CampaignId, campaign.Id).Add(c => c.CentreId, centreId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(selector)), Patience);
        return page;
    }

    /// <summary>The test campaign's donations (the demo country holds a campaign of its own).</summary>
    private static Task<List<Donation>> DonationsAsync(TestApp app) =>
        app.ReadAsync(db => db.Donations.AsNoTracking().Where(d => db.Campaigns.Any(c => c.Id == d.CampaignId && c.Name == "مثبت ماه قم"))
            .Include(d => d.Allocations).OrderBy(d => d.Id).ToListAsync());

    [Fact]
    public async Task The_facilitator_records_a_pledge_typed_in_persian_digits_and_an_individual_stays_anonymous_by_default()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app);
        var page = await OpenAsync(app, campaign, qom.PardisanCentre);

        Assert.True(page.Find("[data-testid=donation-anonymous]").HasAttribute("checked"));
        await page.ChangeAsync("input[data-testid=donation-donor]", "آقای احمدی");
        await page.ChangeAsync("input[data-testid=donation-amount]", "۵٬۰۰۰٬۰۰۰");
        await page.ClickAsync("[data-testid=donation-save]");

        var saved = (await EventuallyAsync(() => DonationsAsync(app), d => d.Count == 1, "the pledge")).Single();
        Assert.Equal((5_000_000L, DonationStatus.Pledged, true, qom.PardisanCentre), (saved.Amount, saved.Status, saved.Anonymous, saved.CentreId));
        page.WaitForAssertion(() => Assert.Equal("Pledged", page.Find($".donation-line[data-donation-id='{saved.Id}'] .donation-status").GetAttribute("data-status")), Patience);
        Assert.Contains("۵٬۰۰۰٬۰۰۰ ریال", page.Find(".donation-line").TextContent);
    }

    [Fact]
    public async Task A_gift_with_a_receipt_number_the_centre_already_used_is_refused_with_the_reason_and_nothing_is_written()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app, (qom, c) => [qom.Gift(c, qom.PardisanCentre, "First donor", 1_000_000, "R-12", app.Clock.GetUtcNow())]);
        var page = await OpenAsync(app, campaign, qom.PardisanCentre);

        await page.ChangeAsync("input[data-testid=donation-donor]", "Second donor");
        await page.ChangeAsync("input[data-testid=donation-amount]", "2000000");
        await page.ChangeAsync("[data-testid=donation-received]", true);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[data-testid=donation-receipt]")), Patience);
        // The same number typed in Persian digits is the same receipt.
        await page.ChangeAsync("input[data-testid=donation-receipt]", "R-۱۲");
        await page.ClickAsync("[data-testid=donation-save]");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".donation-form .salam-error")), Patience);
        Assert.Single(await DonationsAsync(app));
    }

    [Fact]
    public async Task A_pledge_is_received_then_allocated_to_a_neighbourhood_and_delivered()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app, (qom, c) => [qom.Pledge(c, qom.PardisanCentre, "شرکت نور", 3_000_000, app.Clock.GetUtcNow())]);
        var page = await OpenAsync(app, campaign, qom.PardisanCentre, "[data-testid=donation-receive]");

        await page.ChangeAsync("input[data-testid=donation-receive-receipt]", "۷۷");
        await page.ClickAsync("[data-testid=donation-receive]");
        await EventuallyAsync(() => DonationsAsync(app), d => d.Single().Status == DonationStatus.Received, "the pledge received");
        Assert.Equal("77", (await DonationsAsync(app)).Single().ReceiptNumber);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=allocate-save]")), Patience);
        await page.ChangeAsync("input[data-testid=allocate-amount]", "۲٬۰۰۰٬۰۰۰");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Class!.Contains("allocate-neighbourhood")).Instance.ValueChanged.InvokeAsync(qom.Pardisan));
        await page.ChangeAsync("input[data-testid=allocate-note]", "بسته‌های غذایی برای ده خانواده");
        await page.ClickAsync("[data-testid=allocate-save]");
        var allocated = await EventuallyAsync(() => DonationsAsync(app), d => d.Single().Allocations.Count == 1, "the allocation");
        Assert.Equal((2_000_000L, qom.Pardisan), (allocated.Single().Allocations.Single().Amount, allocated.Single().Allocations.Single().NeighbourhoodId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".allocation-line [data-testid=allocation-deliver]")), Patience);
        await page.ClickAsync("[data-testid=allocation-deliver]");
        await EventuallyAsync(() => DonationsAsync(app), d => d.Single().Allocations.Single().Status == AllocationStatus.Delivered, "the delivery");
        page.WaitForAssertion(() => Assert.Equal("Delivered", page.Find(".allocation-line .allocation-status").GetAttribute("data-status")), Patience);
    }

    [Fact]
    public async Task Allocating_more_than_was_received_is_refused_with_the_reason_and_nothing_is_written()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app, (qom, c) => [qom.Gift(c, qom.PardisanCentre, "Donor", 1_000_000, "R-1", app.Clock.GetUtcNow())]);
        var page = await OpenAsync(app, campaign, qom.PardisanCentre, "[data-testid=allocate-save]");

        await page.ChangeAsync("input[data-testid=allocate-amount]", "1,000,001");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Class!.Contains("allocate-neighbourhood")).Instance.ValueChanged.InvokeAsync(qom.Pardisan));
        await page.ChangeAsync("input[data-testid=allocate-note]", "too much");
        await page.ClickAsync("[data-testid=allocate-save]");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".allocation-form .salam-error")), Patience);
        Assert.Empty((await DonationsAsync(app)).Single().Allocations);
    }

    [Fact]
    public async Task Donor_names_with_markup_are_shown_as_text()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        const string payload = "<script>alert('x')</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>";
        var (qom, campaign) = await ArrangeAsync(app, (qom, c) => [qom.Pledge(c, qom.PardisanCentre, payload, 1_000, app.Clock.GetUtcNow())]);
        var page = await OpenAsync(app, campaign, qom.PardisanCentre, ".donation-line");

        Assert.Equal(payload, page.Find(".donation-donor-name").TextContent.Trim());
        Assert.Empty(page.FindAll(".donation-line script, .donation-line img, .donation-line a[href^='javascript']"));
    }

    [Fact]
    public async Task A_facilitator_opening_another_centre_s_ledger_is_refused_and_offered_no_form()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (qom, campaign) = await ArrangeAsync(app);
        var page = await OpenAsync(app, campaign, qom.KahakCentre, ".mud-alert");
        Assert.Empty(page.FindAll("[data-testid=donation-save]"));
    }
}
