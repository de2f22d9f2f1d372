using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Salam.E2E.Tests;

/// <summary>Ministry staff compare provinces, sort, drill down to a county's neighbourhoods and download both exports, in Persian and in English.</summary>
public sealed class RollupJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(null, "fa", "مازندران", "ساری", "سروینه‌باغ", "مکان")]
    [InlineData("en-US", "en", "Mazandaran", "Sari", "Sarvineh Bagh", "Place")]
    public async Task Ministry_staff_compare_provinces_drill_down_and_download_both_exports(string? culture, string lang, string province, string county, string neighbourhood, string placeHeader)
    {
        var page = await browser.NewPageAsync(culture);
        await page.SignInStaffAsync("ministry");
        await page.WaitForURLAsync("**/national");

        // The menu offers the report; it is opened by URL, since a click racing the circuit's start can be lost.
        await Assertions.Expect(page.Locator("a[href='/reports']")).ToBeVisibleAsync();
        await page.GotoAsync("/reports");
        var table = page.Locator(".rollup-table");
        await Assertions.Expect(table).ToContainTextAsync(province, new() { Timeout = 20_000 }); // the first report render of a fresh app
        await Assertions.Expect(page.Locator(".report-computed-at")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rollup-bars .salam-bars-fill").First).ToBeVisibleAsync();
        await AssertBarsStartOnTheReadingSideAsync(page, lang);
        await page.ShootAsync($"rollup-provinces-{lang}");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShootAsync($"rollup-provinces-390-{lang}");
        await AssertBarsStartOnTheReadingSideAsync(page, lang);
        await page.SetViewportSizeAsync(1280, 860);

        // Sorting by participation puts the provinces in ascending order of it. A click that lands before the
        // circuit is live is lost, so click until the order shows (a second click would sort descending, a third ascending).
        for (var attempt = 0; attempt < 10 && !await ParticipationAscendingAsync(page); attempt++)
        {
            await page.Locator(".rollup-table th .mud-table-sort-label").Nth(4).ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        Assert.True(await ParticipationAscendingAsync(page));
        await page.ShootAsync($"rollup-provinces-sorted-{lang}");

        await table.Locator($"a:text-is('{province}')").ClickAsync();
        await page.WaitForURLAsync("**/reports/provinces/*");
        await Assertions.Expect(page.Locator(".rollup-table")).ToContainTextAsync(county);
        await page.ShootAsync($"rollup-province-{lang}");

        await page.Locator($".rollup-table a:text-is('{county}')").ClickAsync();
        await page.WaitForURLAsync("**/reports/counties/*");
        await Assertions.Expect(page.Locator(".rollup-table")).ToContainTextAsync(neighbourhood);
        await page.ShootAsync($"rollup-county-{lang}");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".export-csv"));
        var bytes = await File.ReadAllBytesAsync(await csv.PathAsync());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Contains(neighbourhood, Encoding.UTF8.GetString(bytes));

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".export-xlsx"));
        await using var workbook = File.OpenRead(await xlsx.PathAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r[placeHeader], neighbourhood));
        browser.AssertNoCspViolations(page);
    }

    /// <summary>
    /// Each bar grows from the side text starts on: the right in Persian, the left in English. Measured in one script on the
    /// widest bar (the page may re-render between two separate reads); the gap is between the bar's start and its line's start.
    /// </summary>
    private static async Task AssertBarsStartOnTheReadingSideAsync(IPage page, string lang)
    {
        const string Measure = """
            () => {
              const bars = [...document.querySelectorAll('.rollup-bars .salam-bars-fill')];
              if (bars.length === 0) return null;
              const bar = bars.reduce((a, b) => a.getBoundingClientRect().width >= b.getBoundingClientRect().width ? a : b);
              const b = bar.getBoundingClientRect(), l = bar.parentElement.getBoundingClientRect();
              return [b.width, b.left - l.left, l.right - b.right];
            }
            """;
        double[]? measured = null;
        for (var attempt = 0; attempt < 20 && measured is null; attempt++)
        {
            measured = await page.EvaluateAsync<double[]?>(Measure);
            if (measured is null) await page.WaitForTimeoutAsync(250);
        }
        Assert.NotNull(measured);
        var (width, fromLeft, fromRight) = (measured[0], measured[1], measured[2]);
        Assert.True(width > 20, $"the widest bar is {width}px");
        Assert.InRange(lang == "fa" ? fromRight : fromLeft, -1, 1);
        Assert.True((lang == "fa" ? fromLeft : fromRight) > 20, "the bar ends away from the other side, its value written there");
    }

    private static async Task<bool> ParticipationAscendingAsync(IPage page)
    {
        var cells = await page.Locator(".rollup-table tbody tr td:nth-child(5)").AllInnerTextsAsync();
        var values = cells.Select(text => double.Parse(
            new string([.. text.Select(c => c is >= '۰' and <= '۹' ? (char)('0' + (c - '۰')) : c == '٫' ? '.' : c)]).Trim('%', '٪', ' '),
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return values.Count > 1 && values.Zip(values.Skip(1)).All(pair => pair.First <= pair.Second) && values[0] < values[^1];
    }
}
