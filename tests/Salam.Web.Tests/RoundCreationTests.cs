using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Needs.Queries.GetNeighbourhoodNeeds;
using Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;
using Salam.Domain.Needs;
using Salam.Domain.Rounds.Counting;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;
using Salam.Web.Components.Pages.Facilitators;
using Salam.Web.Components.Shared;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// A facilitator drafts an equal-shares round on the desk: the method, a budget of billions of rials typed in Persian digits,
/// and each need's cost, prefilled from its estimate. A round missing its budget or a cost is not sent at all.
/// </summary>
public sealed class RoundCreationTests : StaffComponentTest
{
    [Theory]
    [InlineData("۱۲۰۰۰۰۰۰۰۰۰", 12_000_000_000L)]
    [InlineData("١٢٬٠٠٠٬٠٠٠٬٠٠٠", 12_000_000_000L)]
    [InlineData("12,000,000,000", 12_000_000_000L)]
    [InlineData("7", 7L)]
    public void Amounts_are_read_in_every_digit_set_with_or_without_separators(string typed, long rials)
    {
        Assert.True(RialField.TryParse(typed, out var read));
        Assert.Equal(rials, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ده میلیون")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Text_that_is_not_a_positive_whole_amount_is_not_an_amount(string typed) => Assert.False(RialField.TryParse(typed, out _));

    [Fact]
    public async Task An_equal_shares_round_is_created_with_its_budget_and_costs_the_estimate_prefilled()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (place, estimated) = await PlaceWithEstimatedNeedAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var desk = await RenderAsync(app, place);
        await desk.ChangeAsync(".round-title input", "دور سهم‌های برابر");
        await desk.ClickAsync(".round-method-equalshares input");
        desk.WaitForElement(".round-budget input").Change("۱۲٬۰۰۰٬۰۰۰٬۰۰۰");
        Assert.Contains("۱٬۲۰۰٬۰۰۰٬۰۰۰ تومان", desk.Find(".round-budget").TextContent);
        var other = await OtherApprovedNeedAsync(app, place, estimated);
        desk.FindAll(".round-need").Single(b => b.TextContent.Contains(other.Title)).QuerySelector("input")!.Change(true);
        desk.FindAll(".round-need").Single(b => b.TextContent.Contains("نیمکت‌های پارک با برآورد")).QuerySelector("input")!.Change(true);
        Assert.Equal("۳۵۰۰۰۰۰۰۰", desk.Find($".round-cost-{estimated} input").GetAttribute("value")); // the estimate, in Persian digits
        desk.Find($".round-cost-{other.Id} input").Change("۹۰۰٬۰۰۰٬۰۰۰");
        await desk.ClickAsync("button.round-create");

        var round = await EventuallyAsync(() => app.ReadAsync(db => db.PriorityRounds.Where(r => r.Title == "دور سهم‌های برابر")
            .Select(r => new { r.Method, r.Budget, Costs = r.Needs.Select(n => new { n.NeedId, n.Cost }).ToList() }).SingleOrDefaultAsync()), r => r is not null, "the round created");
        Assert.Equal(CountingMethod.EqualShares, round!.Method);
        Assert.Equal(12_000_000_000L, round.Budget);
        Assert.Equal(350_000_000L, round.Costs.Single(c => c.NeedId == estimated).Cost);
        Assert.Equal(900_000_000L, round.Costs.Single(c => c.NeedId == other.Id).Cost);
    }

    [Fact]
    public async Task An_equal_shares_round_without_a_budget_or_a_cost_is_not_created_and_says_which()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var (place, estimated) = await PlaceWithEstimatedNeedAsync(app);
        var before = await app.ReadAsync(db => db.PriorityRounds.CountAsync());
        await SignInAsync(app, "facilitator.pardisan");

        var desk = await RenderAsync(app, place);
        var snackbar = Render<MudBlazor.MudSnackbarProvider>();
        await desk.ChangeAsync(".round-title input", "No budget");
        await desk.ClickAsync(".round-method-equalshares input");
        var other = await OtherApprovedNeedAsync(app, place, estimated);
        desk.FindAll(".round-need").Single(b => b.TextContent.Contains(other.Title)).QuerySelector("input")!.Change(true);
        desk.WaitForElement(".round-budget input").Change("ten billion");
        Assert.Contains("Write the amount in rials", desk.Find(".round-budget").TextContent);
        await desk.ClickAsync("button.round-create");
        snackbar.WaitForAssertion(() => Assert.Contains("Fill in Budget (rials)", snackbar.Markup));

        await desk.ChangeAsync(".round-budget input", "10000000000");
        desk.Find($".round-cost-{other.Id} input").Change(""); // its cost left empty
        await desk.ClickAsync("button.round-create");
        snackbar.WaitForAssertion(() => Assert.Contains("Fill in Cost of", snackbar.Markup));
        await Task.Delay(300);
        Assert.Equal(before, await app.ReadAsync(db => db.PriorityRounds.CountAsync()));
    }

    private static async Task<(int Place, int Estimated)> PlaceWithEstimatedNeedAsync(TestApp app)
    {
        var place = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var resident = await app.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);
        var id = await app.SendAsync<int>(resident, new ProposeNeed(place, "نیمکت‌های پارک با برآورد", "", NeedCategory.EnvironmentAndUrban, 350_000_000m));
        await app.SendAsync<NeedStatus>(await app.PrincipalOfAsync("facilitator.pardisan"), new ModerateNeed(id, Moderation.Approve));
        return (place, id);
    }

    private static Task<NeedRow> OtherApprovedNeedAsync(TestApp app, int place, int estimated) => app.ReadAsync(db => db.Needs
        .Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved && n.Id != estimated)
        .OrderBy(n => n.Id).Select(n => new NeedRow(n.Id, n.Title, n.Description, n.Category, n.Status, null, n.ProposedAt, null, null, null)).FirstAsync());

    private async Task<IRenderedComponent<RoundsPanel>> RenderAsync(TestApp app, int place)
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var rounds = await app.SendAsync<NeighbourhoodRounds>(facilitator, new GetNeighbourhoodRounds(place));
        var needs = await app.SendAsync<IReadOnlyList<NeedRow>>(facilitator, new GetNeighbourhoodNeeds(place));
        var desk = Render<RoundsPanel>(p => p.Add(r => r.NeighbourhoodId, place).Add(r => r.Rounds, rounds).Add(r => r.Needs, needs));
        desk.WaitForElement(".round-create");
        return desk;
    }
}
