using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Domain.Campaigns;
using Salam.Testing;
using Salam.Web.Components.Pages.Campaigns;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// The campaign form over the real application: the centres offered are those inside the scope (the province's, a county's
/// serving centres), amounts are typed in Persian digits with separators, and a refusal is shown with nothing written.
/// </summary>
public sealed class CampaignFormPageTests : StaffComponentTest
{
    private static IReadOnlyList<int> OfferedCentres(IRenderedComponent<CampaignFormPage> page) =>
        [.. page.FindAll(".campaign-centre").Select(c => int.Parse(c.GetAttribute("data-centre-id")!, System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static Task ChooseAsync<T>(IRenderedComponent<CampaignFormPage> page, string cssClass, T value) => page.InvokeAsync(() =>
        page.FindComponents<MudSelect<T>>().Single(s => s.Instance.Class!.Contains(cssClass)).Instance.ValueChanged.InvokeAsync(value));

    /// <summary>Campaigns beyond the demo country's own.</summary>
    private static Task<int> CampaignsAsync(TestApp app) => app.ReadAsync(db => db.Campaigns.CountAsync(c => c.Name != Salam.Infrastructure.Persistence.Seeding.DemoDataSeeder.DemoCampaignName));

    [Fact]
    public async Task An_officer_is_offered_their_province_s_centres_and_a_county_narrows_them_to_the_centres_serving_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var qom = await app.ReadAsync(QomPlaces.FindAsync);
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".campaign-centre").Count), Patience);
        Assert.Equal(new[] { qom.PardisanCentre, qom.SafashahrCentre, qom.KahakCentre }.Order(), OfferedCentres(page));
        // The journeys' hooks reach the inputs themselves.
        foreach (var hook in new[] { "campaign-name", "campaign-starts", "campaign-ends", "campaign-goal-rials" })
            Assert.Single(page.FindAll($"input[data-testid={hook}]"));
        Assert.Single(page.FindAll("[data-testid=campaign-scope]"));
        // Ministry's national scope is not offered to an officer.
        Assert.DoesNotContain(CampaignScope.National, page.FindComponents<MudSelectItem<CampaignScope>>().Select(i => i.Instance.Value));

        await ChooseAsync(page, "campaign-scope", CampaignScope.County);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".campaign-centre")), Patience);
        await ChooseAsync<int?>(page, "campaign-county", qom.KahakCounty);
        page.WaitForAssertion(() => Assert.Equal([qom.KahakCentre], OfferedCentres(page)), Patience);
        Assert.NotEmpty(page.FindAll($"input[type=checkbox][data-testid=campaign-centre-{qom.KahakCentre}]"));
    }

    [Fact]
    public async Task Ministry_staff_choose_a_province_to_list_its_centres_and_may_make_a_national_campaign()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var qom = await app.ReadAsync(QomPlaces.FindAsync);
        await SignInAsync(app, "ministry");

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".campaign-province")), Patience);
        Assert.Contains(CampaignScope.National, page.FindComponents<MudSelectItem<CampaignScope>>().Select(i => i.Instance.Value));
        Assert.Empty(page.FindAll(".campaign-centre"));

        await ChooseAsync<int?>(page, "campaign-province", qom.Mazandaran);
        page.WaitForAssertion(() => Assert.Contains(qom.SariCentre, OfferedCentres(page)), Patience);
        page.Find($"[data-testid=campaign-centre-{qom.SariCentre}]").Change(true);
        await ChooseAsync<int?>(page, "campaign-province", qom.Province);
        page.WaitForAssertion(() => Assert.Contains(qom.KahakCentre, OfferedCentres(page)), Patience);
        page.Find($"[data-testid=campaign-centre-{qom.KahakCentre}]").Change(true);
        // A national campaign gathers centres province by province: the first province's choice is kept.
        page.WaitForAssertion(() => Assert.Contains("2 centres chosen", page.Find(".campaign-centres-count").TextContent), Patience);
    }

    [Fact]
    public async Task A_goal_typed_in_persian_digits_with_separators_is_read_and_shown_in_rials_and_toman()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[data-testid=campaign-goal-rials]")), Patience);
        await page.ChangeAsync("input[data-testid=campaign-goal-rials]", "۱۲٬۵۰۰٬۰۰۰");
        page.WaitForAssertion(() => Assert.Contains("۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)", page.Find(".campaign-goal-rials").TextContent), Patience);

        await page.ChangeAsync("input[data-testid=campaign-goal-rials]", "-5");
        page.WaitForAssertion(() => Assert.Contains("مبلغ را به ریال", page.Find(".campaign-goal-rials").TextContent), Patience);
    }

    [Fact]
    public async Task A_campaign_without_its_window_is_refused_on_the_form_and_nothing_is_written()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".campaign-starts input")), Patience);
        await page.ChangeAsync("input[data-testid=campaign-name]", "Ramadan in Qom");
        await page.ChangeAsync(".campaign-starts input", "");
        await page.ClickAsync("[data-testid=campaign-save]");

        page.WaitForAssertion(() => Assert.Contains("first and last day", page.Find(".campaign-form .salam-error").TextContent), Patience);
        Assert.Equal(0, await CampaignsAsync(app));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_officer_creates_a_province_campaign_with_goals_in_persian_digits_and_is_taken_to_its_page()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var qom = await app.ReadAsync(QomPlaces.FindAsync);
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".campaign-centre").Count), Patience);
        await page.ChangeAsync("input[data-testid=campaign-name]", "مثبت ماه قم");
        await page.ChangeAsync("input[data-testid=campaign-goal-rials]", "۲۵۰٬۰۰۰٬۰۰۰");
        await page.ChangeAsync(".campaign-item-goal-FoodPackage input", "۲۰۰");
        page.Find($"[data-testid=campaign-centre-{qom.PardisanCentre}]").Change(true);
        page.Find($"[data-testid=campaign-centre-{qom.KahakCentre}]").Change(true);
        await page.ClickAsync("[data-testid=campaign-save]");

        await EventuallyAsync(() => CampaignsAsync(app), count => count == 1, "the campaign saved");
        var saved = await app.ReadAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Centres).Include(c => c.ItemGoals).SingleAsync(c => c.Name == "مثبت ماه قم"));
        Assert.Equal((CampaignScope.Province, (int?)qom.Province, (long?)250_000_000), (saved.Scope, saved.ProvinceId, saved.GoalRials));
        Assert.Equal(new[] { qom.PardisanCentre, qom.KahakCentre }.Order(), saved.Centres.Select(c => c.CentreId).Order());
        Assert.Equal((AidItem.FoodPackage, 200), (saved.ItemGoals.Single().Item, saved.ItemGoals.Single().Count));
        page.WaitForAssertion(() => Assert.EndsWith($"/campaigns/{saved.Id}", Services.GetRequiredService<NavigationManager>().Uri), Patience);
    }

    [Fact]
    public async Task A_campaign_without_centres_is_refused_by_the_application_with_its_reason_and_nothing_is_written()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".campaign-centre").Count), Patience);
        await page.ChangeAsync("input[data-testid=campaign-name]", "No centres");
        await page.ChangeAsync("input[data-testid=campaign-goal-rials]", "1,000,000");
        await page.ClickAsync("[data-testid=campaign-save]");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".campaign-form .salam-error")), Patience);
        Assert.Equal(0, await CampaignsAsync(app));
    }

    [Fact]
    public async Task Its_owner_revises_a_campaign_starting_from_what_it_holds()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var qom = await app.ReadAsync(QomPlaces.FindAsync);
        var campaign = await app.ReadAsync(db => qom.CampaignAsync(db, app.Clock.GetUtcNow()));
        await SignInAsync(app, QomPlaces.Officer);

        var page = Render<CampaignFormPage>(p => p.Add(c => c.Id, campaign.Id));
        page.WaitForAssertion(() => Assert.Equal("مثبت ماه قم", page.Find("input[data-testid=campaign-name]").GetAttribute("value")), Patience);
        Assert.True(page.Find($"[data-testid=campaign-centre-{qom.KahakCentre}]").HasAttribute("checked"));
        Assert.False(page.Find($"[data-testid=campaign-centre-{qom.SafashahrCentre}]").HasAttribute("checked"));
        await page.ChangeAsync("input[data-testid=campaign-name]", "Mosbat-e Mah, revised");
        page.Find($"[data-testid=campaign-centre-{qom.SafashahrCentre}]").Change(true);
        await page.ClickAsync("[data-testid=campaign-save]");

        var revised = await EventuallyAsync(() => app.ReadAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Centres).SingleAsync(c => c.Id == campaign.Id)),
            c => c.Name == "Mosbat-e Mah, revised", "the revision");
        Assert.Equal(3, revised.Centres.Count);
    }
}
