using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The attack seen from outside, end to end: needs whose titles carry markup are approved, ranked and counted; the results page shows them as text.</summary>
public sealed class ResultsPageMarkupTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task A_counted_round_whose_need_titles_carry_markup_serves_them_only_as_text()
    {
        var roundId = await CountedRoundWithTitlesAsync(ChartTextTests.Opening, ChartTextTests.Closing, ChartTextTests.Script, ChartTextTests.Image);
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var response = await client.GetAsync($"/rounds/{roundId}/results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        ChartMarkup.AssertNoInjected(page, html);
        Assert.Empty(page.QuerySelectorAll(".salam-card script, .salam-card img"));
        string[] typed = [ChartTextTests.Opening, ChartTextTests.Closing, ChartTextTests.Script, ChartTextTests.Image];
        var bars = ChartMarkup.BarLabels(page.QuerySelector(".results-chart")!);
        var table = page.QuerySelectorAll(".results-table tbody td").Select(t => t.TextContent).ToList();
        foreach (var title in typed)
        {
            Assert.Contains(title, bars);
            Assert.Contains(title, table);
        }
    }

    private async Task<int> CountedRoundWithTitlesAsync(params string[] titles)
    {
        int neighbourhoodId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            neighbourhoodId = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
        }
        const string resident = DemoDataSeeder.FirstResidentMobile;
        var needs = new List<int>();
        foreach (var title in titles)
        {
            var id = await factory.SendAsResidentAsync<int>(resident, new ProposeNeed(neighbourhoodId, title, "", NeedCategory.Safety, null));
            await factory.SendAsStaffAsync<NeedStatus>("facilitator.pardisan", new ModerateNeed(id, Moderation.Approve));
            needs.Add(id);
        }
        var now = DateTimeOffset.UtcNow;
        var roundId = await factory.SendAsStaffAsync<int>("facilitator.pardisan", new CreateRound(neighbourhoodId, "دور آزمایشی", now.AddMinutes(-1), now.AddDays(3), needs.Count, needs));
        await factory.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new OpenRound(roundId));
        await factory.SendAsResidentAsync<BallotReceipt>(resident, new SubmitBallot(roundId, needs));
        Assert.Equal(RoundStatus.Closed, await factory.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new CloseRound(roundId)));
        // Residents read results once the officer publishes them.
        Assert.Equal(RoundStatus.Published, await factory.SendAsStaffAsync<RoundStatus>("officer.qom", new PublishRound(roundId)));
        return roundId;
    }
}
