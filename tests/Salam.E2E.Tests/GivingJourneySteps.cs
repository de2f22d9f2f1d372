using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Salam.Domain.Common;

namespace Salam.E2E.Tests;

/// <summary>The steps the campaign and shift journeys share: typing by hook, Jalali days, the roll-up run and its export, screenshots.</summary>
internal static class GivingJourneySteps
{
    public static string Typed(string latin, bool persian) => persian ? Digits.ToPersian(latin) : latin;

    /// <summary>A day as the app's Jalali fields take it typed: year/month/day, Latin digits.</summary>
    public static string JalaliDate(DateTime local) => Domain.Common.JalaliDate.Format(DateOnly.FromDateTime(local));

    /// <summary>Types into a field by its hook (on the input itself or around it) and leaves it, as MudBlazor takes a value on blur.</summary>
    public static async Task FillHookAsync(this IPage page, string testId, string text)
    {
        var field = page.Locator($"[data-testid='{testId}']").First;
        var target = await field.EvaluateAsync<string>("e => e.tagName") is "INPUT" or "TEXTAREA" ? field : field.Locator("input, textarea").First;
        await target.FillAsync(text);
        await target.PressAsync("Tab");
    }

    /// <summary>
    /// The administrator runs a full roll-up from the report page, as after a day's work (the nightly job does the same through
    /// the same command), and waits for it to say it is done.
    /// </summary>
    public static async Task RunRollupAsync(this IPage admin)
    {
        await admin.GotoAsync("/reports");
        await Assertions.Expect(admin.Locator(".rollup-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await admin.Locator("button.full-run").ClickUntilVisibleAsync(admin.Locator(".full-run-done"));
    }

    /// <summary>The report's CSV export of the page the browser is on, as rows of cells by header (the total last).</summary>
    public static async Task<List<Dictionary<string, string>>> DownloadCsvAsync(this IPage page)
    {
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".export-csv"));
        var bytes = await File.ReadAllBytesAsync(await csv.PathAsync());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var reader = CsvHelper.CsvReader.Create(bytes.AsMemory(3), new CsvHelper.CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        return rows;
    }

    /// <summary>A figure as the page shows it (Persian or Latin digits, grouped), as a number.</summary>
    public static long Figure(string text) =>
        long.Parse(new string([.. Digits.ToLatin(text).Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);

    /// <summary>Screenshots at both widths; at the phone's width the screen must also pass axe and not scroll sideways.</summary>
    public static async Task ShootBothWidthsAsync(this IPage page, string name)
    {
        // From the top, so the fixed bar does not land over the page in a full-page shot.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20000 });
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        // The staff menu slides open (225 ms) as the page widens: settle past it before the shot.
        await Axe.SettleAsync(page, quiet: 400);
        await page.ShootAsync($"{name}-1366");
    }
}
