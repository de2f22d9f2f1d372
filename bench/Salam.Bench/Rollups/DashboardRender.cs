using System.Diagnostics;

namespace Salam.Bench.Rollups;

/// <summary>
/// Signs a staff member in to a running app and times the report pages' first render (the server's prerendered
/// HTML, as a browser gets it before the circuit starts): the provinces, a province's counties, a county's neighbourhoods.
/// </summary>
public static class DashboardRender
{
    public static async Task<int> RunAsync(string url, string userName, string password, int requests, CancellationToken cancellationToken)
    {
        var options = BenchOptions.Create(url, 20, null, 1, 1, 1, null); // checks the URL is loopback
        using var app = new AppClient(options.Url, 4);
        var jar = new CookieJar();
        var signIn = await app.GetAsync("/signin", jar, cancellationToken);
        var form = Html.FindForm(signIn.Body, "staff", "/signin") ?? throw new BenchException("no staff sign-in form on /signin");
        var signedIn = await app.PostFormAsync(form.Action,
            [.. form.Hidden, new("Staff.UserName", userName), new("Staff.Password", password)], jar, cancellationToken);
        if (!signedIn.IsRedirect || signedIn.Location?.Contains("signin", StringComparison.OrdinalIgnoreCase) == true)
            throw new BenchException($"sign-in as {userName} failed ({signedIn.Status} {signedIn.Location})");

        var nation = await app.GetAsync("/reports", jar, cancellationToken);
        var province = FirstLink(nation.Body, "/reports/provinces/");
        var county = FirstLink((await app.GetAsync(province, jar, cancellationToken)).Body, "/reports/counties/");
        var times = new List<double>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
            foreach (var path in new[] { "/reports", province, county })
            {
                var page = await app.GetAsync(path, jar, cancellationToken);
                if (page.Status != 200 || !page.Body.Contains("rollup-table", StringComparison.Ordinal))
                    throw new BenchException($"GET {path} answered {page.Status} without the report table");
                times.Add(page.Milliseconds);
            }
        times.Sort();
        Console.WriteLine($"dashboard: {times.Count} first renders of /reports, {province}, {county} in {watch.Elapsed.TotalSeconds:F1}s, one at a time");
        Console.WriteLine($"dashboard: p50={Say.N(times[times.Count / 2])}ms p95={Say.N(times[(int)(times.Count * 0.95)])}ms max={Say.N(times[^1])}ms");
        return 0;
    }

    private static string FirstLink(string html, string prefix)
    {
        var at = html.IndexOf($"href=\"{prefix}", StringComparison.Ordinal);
        if (at < 0) throw new BenchException($"no link to {prefix}… on the page");
        var start = at + "href=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
