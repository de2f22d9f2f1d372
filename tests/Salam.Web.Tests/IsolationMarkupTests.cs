using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Queries.GetNeighbourhoodNeeds;
using Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;
using Salam.Testing;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Components.Pages.Facilitators;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// In English, Persian titles and names sit inside English sentences; each is isolated in a &lt;bdi&gt; so it cannot pull the
/// words around it into right-to-left order (the timeline's "name · date", "Need: title", a round's title and its hint).
/// </summary>
public sealed class IsolationMarkupTests : StaffComponentTest
{
    [Fact]
    public async Task The_duty_page_isolates_its_title_need_timeline_names_and_ranked_titles_in_English()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var duty = await app.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && d.NeedId != null && d.Updates.Count > 0)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Title, Need = db.Needs.Where(n => n.Id == d.NeedId).Select(n => n.Title).Single() }).FirstAsync());
        await SignInAsync(app, "agency.qom.welfare");

        var page = Render<DutyPage>(p => p.Add(d => d.DutyId, duty.Id));
        page.WaitForElement(".duty-timeline");

        var isolated = page.FindAll("bdi").Select(b => b.TextContent).ToList();
        Assert.Contains(duty.Title, isolated);
        Assert.Contains(duty.Need, isolated);
        Assert.Contains("Qom Province Welfare Directorate", isolated);
        // Every timeline line names its author inside a <bdi>, never loose beside the English date.
        Assert.All(page.FindAll(".duty-timeline .mud-timeline-item"), item => Assert.NotNull(item.QuerySelector("bdi")));
    }

    [Fact]
    public async Task The_rounds_table_isolates_round_titles_and_says_the_ranks_without_a_Latin_symbol()
    {
        await using var app = await TestApp.StartAsync();
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var place = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var rounds = await app.SendAsync<NeighbourhoodRounds>(facilitator, new GetNeighbourhoodRounds(place));
        var needs = await app.SendAsync<IReadOnlyList<NeedRow>>(facilitator, new GetNeighbourhoodNeeds(place));
        await SignInAsync(app, "facilitator.pardisan");

        Use(Cultures.English);
        var english = Render<RoundsPanel>(p => p.Add(r => r.NeighbourhoodId, place).Add(r => r.Rounds, rounds).Add(r => r.Needs, needs));
        Assert.Equal(rounds.Rounds.Select(r => r.Title), english.FindAll(".rounds-table tbody bdi").Select(b => b.TextContent));
        Assert.Contains("(up to 5 ranks)", english.Find(".rounds-table tbody").TextContent);

        Use(Cultures.Persian);
        var persian = Render<RoundsPanel>(p => p.Add(r => r.NeighbourhoodId, place).Add(r => r.Rounds, rounds).Add(r => r.Needs, needs));
        var table = persian.Find(".rounds-table tbody").TextContent;
        Assert.Contains("بیشینهٔ رتبه‌ها: ۵", table);
        Assert.DoesNotContain("K", table);
    }
}
