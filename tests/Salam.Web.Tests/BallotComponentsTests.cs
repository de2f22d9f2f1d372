using Bunit;
using Salam.Application.Rounds.Queries.GetBallot;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Web.Components.Pages.Rounds.Parts;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

public sealed class BallotComponentsTests : ComponentTest
{
    private static readonly BallotNeed[] Needs =
    [
        new(11, "روشنایی کوچه‌ها", "", NeedCategory.Safety),
        new(12, "کتابخانهٔ محله", "", NeedCategory.Education),
        new(13, "پاتوق سالمندان", "", NeedCategory.ElderlyCare),
    ];

    [Fact]
    public void The_ballot_has_one_named_select_per_rank_with_every_need_and_shows_the_current_ranking()
    {
        Use(Cultures.Persian);
        var selects = Render<RankSelects>(p => p
            .Add(c => c.MaxRanks, 3).Add(c => c.Needs, Needs).Add(c => c.FieldPrefix, "Input.Ranks").Add(c => c.Chosen, [13, 11]));

        Assert.Equal(["Input.Ranks[0]", "Input.Ranks[1]", "Input.Ranks[2]"], selects.FindAll("select").Select(s => s.GetAttribute("name")));
        Assert.All(selects.FindAll("select"), s => Assert.Equal(4, s.QuerySelectorAll("option").Length));
        Assert.Equal("13", selects.Find("#rank-0 option[selected]").GetAttribute("value"));
        Assert.Equal("11", selects.Find("#rank-1 option[selected]").GetAttribute("value"));
        Assert.Empty(selects.FindAll("#rank-2 option[selected]"));
        Assert.Equal("اولویت ۱", selects.Find("label[for='rank-0']").TextContent);
    }

    private static RoundResults Counted() => new(5, "پاییز", RoundStatus.Closed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 3, 40, 12, 3,
    [
        new(1, 12, "کتابخانهٔ محله", NeedCategory.Education, 42, 9),
        new(2, 11, "روشنایی کوچه‌ها", NeedCategory.Safety, 30, 4),
        new(3, 13, "پاتوق سالمندان", NeedCategory.ElderlyCare, 12, 2),
    ]);

    [Fact]
    public void Results_list_needs_by_position_with_persian_digits_beside_a_chart()
    {
        Use(Cultures.Persian);
        var view = Render<ResultsView>(p => p.Add(c => c.Results, Counted()));

        var rows = view.FindAll(".results-table tbody tr");
        Assert.Equal(["۱", "۲", "۳"], rows.Select(r => r.Children[0].TextContent));
        Assert.Equal("کتابخانهٔ محله", rows[0].Children[1].TextContent);
        Assert.Equal("۴۲", rows[0].Children[3].TextContent);
        // Top priority first, full titles, each score written beside its bar in Persian digits; the largest draws a full bar.
        Assert.Equal(["کتابخانهٔ محله", "روشنایی کوچه‌ها", "پاتوق سالمندان"], view.FindAll(".results-chart .salam-bars-label").Select(l => l.TextContent));
        Assert.Equal(["۴۲", "۳۰", "۱۲"], view.FindAll(".results-chart .salam-bars-value").Select(v => v.TextContent.Trim()));
        Assert.Equal(["--share: 1", "--share: 0.7143", "--share: 0.2857"], view.FindAll(".results-chart .salam-bars-fill").Select(f => f.GetAttribute("style")));
    }

    [Fact]
    public void Results_read_in_english_with_translated_categories()
    {
        Use(Cultures.English);
        var view = Render<ResultsView>(p => p.Add(c => c.Results, Counted()));

        Assert.Equal("Education", view.Find(".results-table tbody tr .salam-chip").TextContent);
        Assert.Contains("Counted by Borda", view.Markup);
    }
}
