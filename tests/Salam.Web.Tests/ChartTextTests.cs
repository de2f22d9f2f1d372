using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Bunit;
using MudBlazor;
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
/// User text on charts stays text: two labels that together make an element with a handler (the attack seen from outside)
/// must come out as the very characters typed, and no element or attribute of theirs may appear.
/// </summary>
public sealed class ChartTextTests : ComponentTest
{
    /// <summary>Split over two labels: MudBlazor writes them one after the other, so raw they join into &lt;svg onload="...alert(origin)"&gt;.</summary>
    public const string Opening = "<svg onload=\"/*";
    public const string Closing = "*/alert(origin)\">";

    private static void AssertNoInjectedMarkup<T>(IRenderedComponent<T> rendered) where T : IComponent
    {
        Assert.Empty(rendered.FindAll("[onload]"));
        Assert.Empty(rendered.FindAll("svg svg"));
        Assert.DoesNotContain("<svg onload", rendered.Markup);
    }

    private static List<string> AxisTexts<T>(IRenderedComponent<T> rendered) where T : IComponent =>
        [.. rendered.FindAll(".mud-charts-xaxis text").Select(t => t.TextContent)];

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
        ]);
        var view = Render<ResultsView>(p => p.Add(c => c.Results, results));

        AssertNoInjectedMarkup(view);
        Assert.Equal(new[] { Opening, Closing }.Order(), AxisTexts(view).Order());
        Assert.Equal([Opening, Closing], view.FindAll(".results-table tbody tr td:nth-child(2)").Select(td => td.TextContent));
    }

    [Fact]
    public void Place_names_carrying_markup_show_as_text_on_the_rollup_charts()
    {
        Use(Cultures.English);
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        RollupRow Row(int id, string name) => new(id, new PlaceName(name, name), at, 100, 40, 0, 40, 0.4, 4, 3, 5, 2, 1, 0.5, 2,
            [new CategoryShare(NeedCategory.Health, 30, 0.6), new CategoryShare(NeedCategory.Education, 20, 0.4)], [], [], []);
        var report = new RollupReport(RollupLevel.Province, [], Row(0, "Nation"), [Row(7, Opening), Row(9, Closing)],
            [new TrendPoint(at.AddDays(-1), 0.3, 30, 0.4, 1), new TrendPoint(at, 0.4, 40, 0.5, 1)]);

        var charts = Render<RollupCharts>(p => p.Add(c => c.Report, report));

        AssertNoInjectedMarkup(charts);
        var bars = charts.Find(".rollup-bars");
        Assert.Equal([Opening, Closing], bars.QuerySelectorAll(".mud-charts-xaxis text").Select(t => t.TextContent));
        Assert.Equal(2, charts.FindAll(".rollup-trend .mud-charts-xaxis text").Count);
        Assert.Contains("Health", charts.Find(".rollup-categories-chart .mud-chart-legend").TextContent);
    }

    /// <summary>
    /// Every chart type the app draws, with markup in its labels and in its series names: the axis (raw markup in MudBlazor 9)
    /// and the legend (text) both read the typed characters, so nothing is double-encoded either.
    /// </summary>
    [Theory]
    [InlineData(ChartType.Bar)]
    [InlineData(ChartType.Line)]
    [InlineData(ChartType.Donut)]
    [InlineData(ChartType.Pie)]
    public void Every_chart_type_shows_labels_and_series_names_as_the_typed_text(ChartType type)
    {
        Use(Cultures.English);
        var chart = Render<TextChart>(p => p.Add(c => c.Type, type).Add(c => c.Labels, [Opening, Closing])
            .Add(c => c.Series, [new ChartSeries<double> { Name = Opening, Data = new ChartData<double>([1.0, 2.0]) },
                                 new ChartSeries<double> { Name = Closing, Data = new ChartData<double>([3.0, 4.0]) }]));

        AssertNoInjectedMarkup(chart);
        var shown = chart.FindAll(".mud-charts-xaxis text, .mud-chart-legend-item").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(Opening, shown);
        Assert.Contains(Closing, shown);
        Assert.DoesNotContain(shown, s => s.Contains("&lt;", StringComparison.Ordinal) || s.Contains("&#", StringComparison.Ordinal));
    }

    [Fact]
    public void No_component_draws_a_chart_but_through_TextChart()
    {
        var web = Path.Combine(RepositoryRoot(), "Salam.Web");
        var direct = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetFileName(f) != "TextChart.razor" && File.ReadAllText(f).Contains("<MudChart", StringComparison.Ordinal))
            .Select(Path.GetFileName);
        Assert.Empty(direct);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Salam.Governance.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Salam.Governance.sln) was not found above the test assembly.");
    }
}
