using Bunit;
using Salam.Domain.Rounds.Counting;
using Salam.Web.Components.Pages.Rounds.Parts;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// Schulze's two tables and the equal-shares table are real tables a reader can check by hand: headers for rows and
/// columns, numbers in the reader's digits, titles as text, a caption that says how to read them, a wrapper that scrolls.
/// </summary>
public sealed class CountDetailsTests : ComponentTest
{
    // Three needs (ids 31, 12, 40 in approval order): 40 beats 31 beats 12, and 40 beats 12.
    private static readonly SchulzeDetails Schulze = new([31, 12, 40],
        [[0, 6, 3], [4, 0, 2], [7, 8, 0]],
        [[0, 6, 0], [0, 0, 0], [7, 8, 0]]);

    private static readonly Dictionary<int, NeedLabel> Labels = new()
    {
        [31] = new("<b>پل</b> عابر", 1), [12] = new("Library", 2), [40] = new("آب‌رسانی", 3), [55] = new("نیمکت", 4),
    };

    [Fact]
    public void Schulze_shows_the_pairwise_matrix_and_the_strongest_paths_with_headers_and_Persian_digits()
    {
        Use(Cultures.Persian);
        var tables = Render<SchulzeTables>(p => p.Add(t => t.Details, Schulze).Add(t => t.Labels, Labels));

        var pairwise = tables.Find(".schulze-pairwise");
        Assert.Contains("برگه‌هایی که نیاز این ردیف را بالاتر", pairwise.QuerySelector("caption")!.TextContent);
        Assert.Equal(["۱", "۲", "۳"], pairwise.QuerySelectorAll("thead th.schulze-number").Select(t => t.TextContent));
        var rows = pairwise.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal("<b>پل</b> عابر", rows[0].QuerySelector("th[scope=row] bdi")!.TextContent); // markup stays text
        Assert.Empty(tables.FindAll("caption b, th b"));
        Assert.Equal(["—", "۶", "۳"], rows[0].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(["۷", "۸", "—"], rows[2].QuerySelectorAll("td").Select(c => c.TextContent));
        // Bold where the row wins: 31 over 12 (6 > 4), 40 over 31 (7 > 3) and over 12 (8 > 2); 12 wins nothing.
        Assert.Equal(3, pairwise.QuerySelectorAll("td.schulze-wins strong").Length);
        Assert.Empty(rows[1].QuerySelectorAll("td.schulze-wins"));

        var paths = tables.Find(".schulze-paths");
        Assert.Contains("زنجیرهٔ بردها", paths.QuerySelector("caption")!.TextContent);
        Assert.Equal(["۷", "۸", "—"], paths.QuerySelectorAll("tbody tr")[2].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.All(tables.FindAll(".schulze-matrix"), t => Assert.Equal("region", t.ParentElement!.GetAttribute("role")));
        Assert.All(tables.FindAll(".schulze-matrix"), t => Assert.Contains("salam-scroll", t.ParentElement!.ClassName));
    }

    [Fact]
    public void Equal_shares_shows_each_needs_cost_supporters_and_why_an_unfunded_one_was_not_funded()
    {
        Use(Cultures.English);
        var details = new EqualSharesDetails(Budget: 1_000_000_000, Voters: 10, PerVoterStart: 100_000_000, PerVoterFinal: 120_000_000, TotalCost: 900_000_000,
        [
            new(31, 400_000_000, 6, false, null, UnfundedReason.SupportersShareTooSmall, 250_000_000),
            new(12, 500_000_000, 7, true, 2, null, null),
            new(40, 400_000_000, 5, true, 1, null, null),
            new(55, 300_000_000, 0, false, null, UnfundedReason.NoSupporters, null),
        ]);
        var table = Render<EqualSharesTable>(p => p.Add(t => t.Details, details).Add(t => t.Labels, Labels));

        Assert.Contains("1,000,000,000 rials (= 100,000,000 toman)", table.Find(".equal-shares-budget").TextContent);
        Assert.Contains("120,000,000 rials", table.Find(".equal-shares-share").TextContent);
        Assert.Contains("100,000,000 rials", table.Find(".equal-shares-share").TextContent); // where Add1 started
        Assert.Contains("900,000,000 rials", table.Find(".equal-shares-total").TextContent);
        Assert.Contains("Amounts in rials", table.Find(".equal-shares-table caption").TextContent);
        var rows = table.FindAll(".equal-shares-table tbody tr");
        Assert.Equal(["40", "12", "31", "55"], rows.Select(r => r.GetAttribute("data-need"))); // funded in the order chosen, then the rest
        Assert.Equal(["3 آب‌رسانی", "400,000,000", "5", "Funded (order 1)", ""], Cells(rows[0]));
        Assert.Equal(["1 <b>پل</b> عابر", "400,000,000", "6", "Not funded", "Its supporters had 250,000,000 rials left; it costs 400,000,000."], Cells(rows[2]));
        Assert.Equal("Nobody ranked it.", rows[3].QuerySelector(".equal-shares-why")!.TextContent);
        Assert.Empty(table.FindAll("tbody b"));
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())];
}
