using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.Needs;
using Salam.Domain.Reports;
using Salam.Web.Components.Pages.Reports;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The roll-up table rendered by bUnit: links down a level, Persian figures, the total row, sorting.</summary>
public sealed class RollupTableTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static RollupRow Row(int id, string fa, string en, int residents, int voters, params CategoryShare[] categories) =>
        new(id, new PlaceName(fa, en), At, residents, voters, 0, voters, residents == 0 ? 0 : (double)voters / residents, 4, 3, 5, 2, 1, 0.5, 2,
            MeetingsHeld: 0, DecisionDuties: 0, DecisionDutiesOnTime: 0, categories, [], [], []);

    private static RollupReport Provinces => new(RollupLevel.Province,
        [new ReportCrumb(RollupLevel.National, 0, new PlaceName("کل کشور", "Nation"))],
        Row(0, "کل کشور", "Nation", 300, 200, new CategoryShare(NeedCategory.Health, 30, 0.6), new CategoryShare(NeedCategory.Education, 20, 0.4))
            with { MeetingsHeld = 12, DecisionDuties = 8, DecisionDutiesOnTime = 6 },
        [Row(7, "قم", "Qom", 100, 80) with { MeetingsHeld = 12, DecisionDuties = 8, DecisionDutiesOnTime = 6 },
            Row(9, "مازندران", "Mazandaran", 200, 120, new CategoryShare(NeedCategory.Health, 30, 0.6))],
        []);

    [Fact]
    public void Provinces_link_to_their_counties_with_persian_figures_and_the_nation_as_the_total()
    {
        Use(Cultures.Persian);
        var table = Render<RollupTable>(p => p.Add(t => t.Report, Provinces));

        var links = table.FindAll(".rollup-place a");
        Assert.Equal(["/reports/provinces/7", "/reports/provinces/9"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("۸۰٪", table.Markup);
        Assert.Contains("جمع کل کشور", table.Find(".rollup-total").TextContent);
        Assert.Contains("سلامت", table.FindAll(".rollup-categories").Last().TextContent);
    }

    [Theory]
    [InlineData(Cultures.Persian, "۱۲", "۸", "۶", "۷۵٪")]
    [InlineData(Cultures.English, "12", "8", "6", "75%")]
    public void Meetings_held_and_decisions_delivered_on_time_show_per_place_and_in_the_total_in_the_readers_digits(
        string culture, string meetings, string decided, string onTime, string share)
    {
        Use(culture);
        var table = Render<RollupTable>(p => p.Add(t => t.Report, Provinces));

        string[] Cells(string css) => [.. table.FindAll(css).Select(td => td.TextContent.Trim())];
        // Rows by name (Qom, then Mazandaran in Persian order as given), then the total.
        Assert.Equal([meetings, Digits(culture, "0"), meetings], Cells(".rollup-meetings"));
        Assert.Equal([decided, Digits(culture, "0"), decided], Cells(".rollup-decision-duties"));
        Assert.Equal([onTime, Digits(culture, "0"), onTime], Cells(".rollup-decisions-on-time"));
        // A place where no meeting decided a duty shows no share rather than 0 %.
        Assert.Equal([share, "—", share], Cells(".rollup-decisions-share"));
    }

    [Theory]
    [InlineData(Cultures.Persian, "کمک‌ها و داوطلبان")]
    [InlineData(Cultures.English, "Giving and volunteers")]
    public async Task One_group_of_columns_shows_at_a_time_every_header_and_cell_belongs_to_one_and_all_columns_brings_back_the_wide_table(string culture, string giving)
    {
        Use(culture);
        var table = Render<RollupTable>(p => p.Add(t => t.Report, Provinces));
        string[] groups = ["participation", "duties", "meetings", "giving"];

        // Each figure's header and cells (rows and total) sit in exactly one group; the place column sits in none, so it always shows.
        var headers = table.FindAll(".rollup-table thead th");
        Assert.DoesNotContain(headers[0].ClassList, c => c.StartsWith("rollup-g-", StringComparison.Ordinal));
        Assert.All(headers.Skip(1), th => Assert.Single(groups, g => th.ClassList.Contains($"rollup-g-{g}")));
        foreach (var row in table.FindAll(".rollup-table tbody tr, .rollup-table tfoot tr"))
            Assert.Equal(headers.Skip(1).Select(th => groups.Single(g => th.ClassList.Contains($"rollup-g-{g}"))),
                row.QuerySelectorAll("td").Skip(1).Select(td => groups.Single(g => td.ClassList.Contains($"rollup-g-{g}"))));
        Assert.Contains("rollup-g-giving", table.Find("tbody .rollup-received").ClassList);

        Assert.Contains("rollup-show-participation", table.Find(".rollup-table").ClassList);
        Assert.Equal("true", table.Find(".rollup-columns-participation").GetAttribute("aria-pressed"));
        Assert.Equal(giving, table.Find(".rollup-columns-giving").TextContent.Trim());

        await table.ClickAsync(".rollup-columns-giving");
        table.WaitForAssertion(() => Assert.Contains("rollup-show-giving", table.Find(".rollup-table").ClassList));
        Assert.Equal("true", table.Find(".rollup-columns-giving").GetAttribute("aria-pressed"));
        Assert.Equal("false", table.Find(".rollup-columns-participation").GetAttribute("aria-pressed"));

        await table.ClickAsync(".rollup-columns-all");
        table.WaitForAssertion(() => Assert.Contains("rollup-show-all", table.Find(".rollup-table").ClassList));
    }

    private static string Digits(string culture, string latin) => culture == Cultures.Persian ? Salam.Domain.Common.Digits.ToPersian(latin) : latin;

    [Fact]
    public void Neighbourhoods_are_the_last_level_and_are_not_links()
    {
        Use(Cultures.English);
        var report = Provinces with { Level = RollupLevel.Neighbourhood };
        var table = Render<RollupTable>(p => p.Add(t => t.Report, report));
        Assert.Empty(table.FindAll(".rollup-place a"));
        Assert.Contains("Mazandaran", table.Markup);
    }

    [Fact]
    public void Sorting_by_residents_orders_the_rows_by_that_figure()
    {
        Use(Cultures.English);
        var report = Provinces with { Rows = [.. Provinces.Rows.Reverse()] };
        var table = Render<RollupTable>(p => p.Add(t => t.Report, report));
        Assert.Equal(["Mazandaran", "Qom"], table.FindAll(".rollup-place").Select(td => td.TextContent.Trim()));

        table.FindAll("th .mud-table-sort-label")[1].Click();
        table.WaitForAssertion(() => Assert.Equal(["Qom", "Mazandaran"], table.FindAll(".rollup-place").Select(td => td.TextContent.Trim())));
    }
}
