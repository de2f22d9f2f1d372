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
    public void The_ballot_is_one_card_per_need_with_its_description_and_a_named_rank_select_showing_the_current_ranking()
    {
        Use(Cultures.Persian);
        var needs = Needs.Select(n => n with { Description = $"شرح {n.Title}" }).ToArray();
        var cards = Render<BallotCards>(p => p
            .Add(c => c.MaxRanks, 5).Add(c => c.Needs, needs).Add(c => c.FieldPrefix, "Input.Needs")
            .Add(c => c.Chosen, new Dictionary<int, int?> { [13] = 1, [11] = 2 }));

        var items = cards.FindAll("li.ballot-card");
        Assert.Equal(["روشنایی کوچه‌ها", "کتابخانهٔ محله", "پاتوق سالمندان"], items.Select(i => i.QuerySelector("h3")!.TextContent));
        // The description sits in the card, above the need's own rank choice.
        Assert.Equal("شرح روشنایی کوچه‌ها", items[0].QuerySelector(".ballot-description")!.TextContent);
        Assert.Equal(["Input.Needs[0].Id", "Input.Needs[1].Id", "Input.Needs[2].Id"], cards.FindAll("input[type=hidden]").Select(i => i.GetAttribute("name")));
        Assert.Equal(["11", "12", "13"], cards.FindAll("input[type=hidden]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Input.Needs[0].Rank", "Input.Needs[1].Rank", "Input.Needs[2].Rank"], cards.FindAll("select").Select(s => s.GetAttribute("name")));
        // Three needs: only ranks 1..3 are offered even though K is 5, with Persian digits.
        Assert.Equal(["", "1", "2", "3"], cards.Find("#rank-11").QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("اولویت ۳", cards.Find("#rank-11 option[value='3']").TextContent);
        Assert.Equal("2", cards.Find("#rank-11 option[selected]").GetAttribute("value"));
        Assert.Equal("1", cards.Find("#rank-13 option[selected]").GetAttribute("value"));
        Assert.Empty(cards.FindAll("#rank-12 option[selected]"));
        // Every select has a label that names its need for a screen reader.
        Assert.Contains("کتابخانهٔ محله", cards.Find("label[for='rank-12']").TextContent);
        Assert.Equal("۲ از ۳ رتبه انتخاب شد", cards.Find("#ballot-progress").TextContent.Trim());
    }

    [Fact]
    public void The_progress_line_reads_in_english_with_latin_digits()
    {
        Use(Cultures.English);
        var cards = Render<BallotCards>(p => p
            .Add(c => c.MaxRanks, 2).Add(c => c.Needs, Needs).Add(c => c.FieldPrefix, "Input.Needs")
            .Add(c => c.Chosen, new Dictionary<int, int?> { [12] = 1 }));

        Assert.Equal("1 of 2 ranked", cards.Find("#ballot-progress").TextContent.Trim());
        Assert.Equal(3, cards.Find("#rank-12").QuerySelectorAll("option").Length);
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
