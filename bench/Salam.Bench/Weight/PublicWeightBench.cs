using System.Globalization;

namespace Salam.Bench.Weight;

/// <summary>
/// The public pages' weight (issue 16): bytes on the wire for a neighbourhood's, a province's and the national page (/nation), cold (empty
/// cache), fonts aside (the Persian font is shared with every page and cached for good), against 100 KB each, as a reader
/// without an account gets them. Story photos load lazily as the reader scrolls: weighed apart and printed, outside the budget.
/// Each page is weighed --runs times and the median is reported; the budget's verdict is the last line.
/// </summary>
public static class PublicWeightBench
{
    public const long ColdBudget = 100_000;

    public static async Task<int> RunAsync(string url, string neighbourhood, string province, int runs, CancellationToken cancellationToken)
    {
        var options = BenchOptions.Create(url, 20, null, 1, 1, 1, null); // checks the URL is loopback
        using var wire = new WireClient(options.Url);
        var pages = new (string Name, string Path)[] { ("neighbourhood", $"/n/{neighbourhood}"), ("province", $"/p/{province}"), ("national", "/nation") };
        Console.WriteLine($"public-weight: {options.Url} — {runs} run(s) of each page, cold, without signing in, fonts aside; bytes received (headers + body as sent)");
        var met = true;
        var summary = new List<string>();
        foreach (var (name, path) in pages)
        {
            var cold = new List<long>();
            IReadOnlyList<(string Path, long Bytes)> last = [];
            for (var run = 0; run < runs; run++)
            {
                wire.ClearCache();
                last = await wire.VisitAsync(path, new CookieJar(), cancellationToken, fontsAside: true);
                cold.Add(last.Sum(r => r.Bytes));
            }
            var c = cold.Order().ElementAt(cold.Count / 2);
            var images = WireClient.Images(await wire.ReadAsync(path, new CookieJar(), cancellationToken));
            long photos = 0;
            foreach (var image in images) photos += await wire.WeighAsync(image, new CookieJar(), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} {path}: cold {c:N0} B ({c * 100.0 / ColdBudget:F0}% of {ColdBudget / 1000} KB); photos (lazy, apart) {images.Count}, {photos:N0} B"));
            Console.WriteLine($"    {string.Join(", ", last.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Path.Split('?')[0]} {v.Bytes:N0}")))}");
            met &= c <= ColdBudget;
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {c}"));
        }
        Console.WriteLine($"public-weight (cold bytes, fonts aside): {string.Join("; ", summary)}");
        Console.WriteLine($"budget (public pages ≤ {ColdBudget:N0} B cold, fonts aside): {(met ? "met" : "NOT met")}");
        return met ? 0 : 2;
    }
}
