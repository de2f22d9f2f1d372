using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Salam.Application.Home.Queries;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Web.Components.Pages.Reports;
using Salam.Web.Components.Pages.Rounds.Parts;
using Salam.Web.Components.Shared;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// User text on charts stays text: labels and series names carrying markup (a script, an image with a handler, an SVG split
/// over two labels that together make an element with a handler) come out as the very characters typed, and no element or
/// attribute of theirs appears.
/// </summary>
public sealed class ChartTextTests : ComponentTest
{
    /// <summary>Split over two labels: written one after the other as raw markup, they join into &lt;svg onload="...alert(origin)"&gt;.</summary>
    public const string Opening = "<svg onload=\"/*";
    public const string Closing = "*/alert(origin)\">";
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "<img src=x onerror=alert(2)>";

    private static void AssertNoInjectedMarkup<T>(IRenderedComponent<T> rendered) where T : IComponent =>
        ChartMarkup.AssertNoInjected(rendered.FindAll(ChartMarkup.Injected), rendered.Markup);

    [Theory]
    [InlineData(Cultures.Persian)]
    [InlineData(Cultures.English)]
    public void Need_titles_carrying_markup_show_as_text_on_the_results_chart(string culture)
    {
        Use(culture);
        var results = new RoundResults(5, "پاییز", RoundStatus.Closed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 3, 40, 12, 0,
        [
            new(1, 12, Opening, NeedCategory.Education, 42, 9),
            new(2, 11, Closing, NeedCategory.Safety, 30, 4),
            new(3, 13, Script, NeedCategory.Safety, 20, 2),
            new(4, 14, Image, NeedCategory.Safety, 10, 1),
        ]);
        var view = Render<ResultsView>(p => p.Add(c => c.Results, results));

        AssertNoInjectedMarkup(view);
        Assert.Equal([Opening, Closing, Script, Image], ChartMarkup.BarLabels(view.Find(".results-chart")));
        Assert.Equal([Opening, Closing, Script, Image], view.FindAll(".results-table tbody tr td:nth-child(2)").Select(td => td.TextContent));
    }

    [Fact]
    public void Place_names_carrying_markup_show_as_text_on_the_rollup_charts()
    {
        Use(Cultures.English);
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        RollupRow Row(int id, string name) => new(id, new PlaceName(name, name), at, 100, 40, 0, 40, 0.4, 4, 3, 5, 2, 1, 0.5, 2, 0, 0, 0,
            [new CategoryShare(NeedCategory.Health, 30, 0.6), new CategoryShare(NeedCategory.Education, 20, 0.4)], [], [], []);
        var report = new RollupReport(RollupLevel.Province, [], Row(0, "Nation"), [Row(7, Opening), Row(9, Closing), Row(11, Script), Row(13, Image)],
            [new TrendPoint(at.AddDays(-1), 0.3, 30, 0.4, 1), new TrendPoint(at, 0.4, 40, 0.5, 1)]);

        var charts = Render<RollupCharts>(p => p.Add(c => c.Report, report));

        AssertNoInjectedMarkup(charts);
        Assert.Equal([Opening, Closing, Script, Image], ChartMarkup.BarLabels(charts.Find(".rollup-bars")));
        Assert.Equal(2, charts.FindAll(".rollup-trend .salam-bars-row").Count);
        Assert.Equal(["Health", "Education"], ChartMarkup.BarLabels(charts.Find(".rollup-categories-chart")));
    }

    [Theory]
    [InlineData(Cultures.Persian, "۴۲٫۵٪", "۶۰٪", "مشارکت: ")]
    [InlineData(Cultures.English, "42.5%", "60%", "Participation: ")]
    public void Rollup_charts_write_each_value_beside_its_bar_in_the_readers_digits(string culture, string participation, string share, string spokenSeries)
    {
        Use(culture);
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var row = new RollupRow(7, new PlaceName("قم", "Qom"), at, 200, 85, 0, 85, 0.425, 4, 3, 5, 2, 1, 0.5, 2, 0, 0, 0,
            [new CategoryShare(NeedCategory.Health, 30, 0.6), new CategoryShare(NeedCategory.Education, 20, 0.4)], [], [], []);
        var report = new RollupReport(RollupLevel.Province, [], null, [row], [new TrendPoint(at.AddDays(-1), 0.3, 30, 0.4, 1), new TrendPoint(at, 0.425, 85, 0.5, 1)]);

        var charts = Render<RollupCharts>(p => p.Add(c => c.Report, report));

        Assert.Equal(participation, charts.Find(".rollup-bars .salam-bars-value").TextContent.Trim());
        Assert.Equal("--share: 0.425", charts.Find(".rollup-bars .salam-bars-fill").GetAttribute("style"));
        Assert.Equal(share, charts.Find(".rollup-categories-chart .salam-bars-value").TextContent.Trim());
        // Shares are drawn against the largest share, so the leading category fills the bar and the next reads 0.4 / 0.6 of it.
        Assert.Equal(["--share: 1", "--share: 0.6667"], charts.FindAll(".rollup-categories-chart .salam-bars-fill").Select(f => f.GetAttribute("style")));
        // Two series on the trend: each value carries its series' name for a screen reader, the drawn bar is hidden from it.
        var latest = charts.FindAll(".rollup-trend .salam-bars-row")[1];
        Assert.Equal(spokenSeries + participation, latest.QuerySelector(".salam-bars-value")!.TextContent.Trim());
        Assert.All(charts.FindAll(".salam-bars-fill"), bar => Assert.Equal("true", bar.GetAttribute("aria-hidden")));
    }

    /// <summary>Markup in labels and in series names (the legend and each value's spoken name): the typed characters, not encoded twice.</summary>
    [Fact]
    public void Labels_and_series_names_show_as_the_typed_text()
    {
        Use(Cultures.English);
        var chart = Render<TextChart>(p => p.Add(c => c.Labels, [Opening, Closing])
            .Add(c => c.Series, [new BarSeries(Script, [0.1, 0.2]), new BarSeries(Image, [0.3, 0.4])]));

        AssertNoInjectedMarkup(chart);
        Assert.Equal([Opening, Closing], ChartMarkup.BarLabels(chart.Find(".salam-bars")));
        Assert.Equal([Script, Image], chart.FindAll(".salam-bars-legend li").Select(e => e.TextContent.Trim()));
        Assert.Equal([$"{Script}: ", $"{Image}: "], chart.FindAll(".salam-bars-row")[0].QuerySelectorAll(".salam-bars-series").Select(e => e.TextContent));
        Assert.DoesNotContain("&amp;lt;", chart.Markup);
    }

    /// <summary>MudBlazor 9's axis charts write their labels as raw markup: no page may draw with MudChart, nor write chart text as markup.</summary>
    [Fact]
    public void No_component_draws_a_chart_but_through_TextChart()
    {
        var web = Path.Combine(RepositoryRoot(), "Salam.Web");
        var razor = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.Empty(razor.Where(f => File.ReadAllText(f).Contains("<MudChart", StringComparison.Ordinal)).Select(Path.GetFileName));
        var chart = File.ReadAllText(razor.Single(f => Path.GetFileName(f) == "TextChart.razor"));
        Assert.DoesNotContain("MarkupString", chart);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Salam.Governance.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Salam.Governance.sln) was not found above the test assembly.");
    }
}

/// <summary>What a page showing user text on a chart must not contain, and the labels it shows (also used by ResultsPageMarkupTests).</summary>
public static class ChartMarkup
{
    public const string Injected = "[onload], [onerror], .salam-bars script, .salam-bars img, .salam-bars svg";

    public static void AssertNoInjected(IEnumerable<IElement> injected, string markup)
    {
        Assert.Empty(injected);
        Assert.DoesNotContain("<svg onload", markup);
        Assert.DoesNotContain("<img src=x", markup);
        Assert.DoesNotContain("<script>alert", markup);
    }

    public static void AssertNoInjected(IParentNode page, string markup) => AssertNoInjected(page.QuerySelectorAll(Injected), markup);

    public static List<string> BarLabels(IParentNode chart) => [.. chart.QuerySelectorAll(".salam-bars-label").Select(t => t.TextContent)];
}
