using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The ballot as a plain server-rendered form over HTTP: no script, no circuit.</summary>
public sealed class BallotPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int RoundId, List<string> NeedIds)> PardisanOpenRoundAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var round = await db.PriorityRounds.Include(r => r.Needs)
            .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
        return (round.Id, round.Needs.Select(n => n.NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    private static Dictionary<string, string> Ranks(params string[] needIds) =>
        needIds.Select((id, rank) => (id, rank)).ToDictionary(x => $"Input.Ranks[{x.rank}]", x => x.id);

    [Fact]
    public async Task A_resident_submits_and_revises_a_ballot_with_a_plain_form_post()
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000005");

        var page = await client.GetStringAsync($"/rounds/{roundId}/ballot");
        var document = new HtmlParser().ParseDocument(page);
        Assert.Equal(5, document.QuerySelectorAll("select[name^='Input.Ranks']").Length);
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", page);

        var saved = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", Ranks(needs[0], needs[1]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/rounds/{roundId}/ballot?saved=1", saved.Headers.Location!.OriginalString);

        var revised = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", Ranks(needs[2]));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var after = new HtmlParser().ParseDocument(await client.GetStringAsync($"/rounds/{roundId}/ballot?saved=1"));
        Assert.Equal(needs[2], after.QuerySelector("#rank-0 option[selected]")?.GetAttribute("value"));
        Assert.Null(after.QuerySelector("#rank-1 option[selected]"));
    }

    [Theory]
    [InlineData("gap", "پشت سر هم")]
    [InlineData("twice", "فقط یک بار")]
    [InlineData("foreign", "در برگهٔ این دور نیست")]
    public async Task A_bad_ballot_is_refused_with_400_and_a_clear_message(string what, string message)
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000006");
        var fields = what switch
        {
            "gap" => new Dictionary<string, string> { ["Input.Ranks[0]"] = needs[0], ["Input.Ranks[1]"] = "", ["Input.Ranks[2]"] = needs[1] },
            "twice" => Ranks(needs[0], needs[0]),
            _ => Ranks("999999"),
        };

        var refused = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_neighbourhoods_round_in_the_url_is_refused_with_403()
    {
        var (roundId, _) = await PardisanOpenRoundAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var foreign = await db.PriorityRounds.Where(r => r.Status == RoundStatus.Open && r.Id != roundId && !db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"))
            .Select(r => r.Id).FirstAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var response = await client.GetAsync($"/rounds/{foreign}/ballot");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("این مورد خارج از حوزهٔ شماست.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Results_stay_hidden_from_residents_while_the_round_is_open()
    {
        var (roundId, _) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000007");
        var response = await client.GetAsync($"/rounds/{roundId}/results");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("پس از بسته شدن دور", await response.Content.ReadAsStringAsync());
    }
}
