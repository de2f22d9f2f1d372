using System.Diagnostics;

namespace Salam.Bench.Rollups;

/// <summary>
/// Signs staff in to a running app and times the dashboards' first render (the server's prerendered HTML, as a
/// browser gets it before the circuit starts): as the ministry user the report's provinces, a province's counties,
/// a county's neighbourhoods and the national home; as a provincial officer the province home. p50/p95 per page.
/// </summary>
public static class DashboardRender
{
    /// <summary>The pages timed, by name (the --pages option): the report's three levels, /national, /province.</summary>
    public static readonly string[] AllPages = ["reports", "national", "province"];

    public static async Task<int> RunAsync(string url, string userName, string password, string officer, int requests,
        IReadOnlyCollection<string> pages, CancellationToken cancellationToken)
    {
        var unknown = pages.Except(AllPages).ToList();
        if (unknown.Count > 0) throw new BenchException($"--pages takes {string.Join(", ", AllPages)}, not {string.Join(", ", unknown)}");
        var options = BenchOptions.Create(url, 20, null, 1, 1, 1, null); // checks the URL is loopback
        using var app = new AppClient(options.Url, 4, TimeSpan.FromMinutes(5)); // a page that counts raw ballots took minutes on the national set
        var timings = new List<(string Page, string User, List<double> Times)>();

        if (pages.Contains("reports") || pages.Contains("national"))
        {
            var ministry = await SignInAsync(app, userName, password, cancellationToken);
            if (pages.Contains("reports"))
            {
                var nation = await app.GetAsync("/reports", ministry, cancellationToken);
                var province = FirstLink(nation.Body, "/reports/provinces/");
                var county = FirstLink((await app.GetAsync(province, ministry, cancellationToken)).Body, "/reports/counties/");
                var reports = await TimeAsync(app, ministry, ["/reports", province, county], "rollup-table", requests, cancellationToken);
                Console.WriteLine($"dashboard: {reports.Count} first renders of /reports, {province}, {county}, one at a time");
                Console.WriteLine($"dashboard: {Percentiles(reports)}");
                timings.Add(("/reports (3 levels)", userName, reports));
            }
            if (pages.Contains("national"))
                timings.Add(("/national", userName, await TimeAsync(app, ministry, ["/national"], "salam-table", requests, cancellationToken)));
        }
        if (pages.Contains("province"))
        {
            var jar = await SignInAsync(app, officer, password, cancellationToken);
            timings.Add(("/province", officer, await TimeAsync(app, jar, ["/province"], "salam-table", requests, cancellationToken)));
        }
        foreach (var (page, user, times) in timings)
            Console.WriteLine($"dashboard: {page} as {user}: {times.Count} first renders, {Percentiles(times)}");
        return 0;
    }

    private static async Task<CookieJar> SignInAsync(AppClient app, string userName, string password, CancellationToken cancellationToken)
    {
        var jar = new CookieJar();
        var signIn = await app.GetAsync("/signin", jar, cancellationToken);
        var form = Html.FindForm(signIn.Body, "staff", "/signin") ?? throw new BenchException("no staff sign-in form on /signin");
        var signedIn = await app.PostFormAsync(form.Action,
            [.. form.Hidden, new("Staff.UserName", userName), new("Staff.Password", password)], jar, cancellationToken);
        if (!signedIn.IsRedirect || signedIn.Location?.Contains("signin", StringComparison.OrdinalIgnoreCase) == true)
            throw new BenchException($"sign-in as {userName} failed ({signedIn.Status} {signedIn.Location})");
        return jar;
    }

    /// <summary>Each path once untimed (the first use compiles the page's queries), then <paramref name="requests"/> rounds, one request at a time.</summary>
    private static async Task<List<double>> TimeAsync(AppClient app, CookieJar jar, string[] paths, string marker, int requests, CancellationToken cancellationToken)
    {
        foreach (var path in paths) await GetCheckedAsync(app, jar, path, marker, cancellationToken);
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
            foreach (var path in paths) times.Add(await GetCheckedAsync(app, jar, path, marker, cancellationToken));
        times.Sort();
        return times;
    }

    private static async Task<double> GetCheckedAsync(AppClient app, CookieJar jar, string path, string marker, CancellationToken cancellationToken)
    {
        var page = await app.GetAsync(path, jar, cancellationToken);
        if (page.Status != 200 || !page.Body.Contains(marker, StringComparison.Ordinal))
            throw new BenchException($"GET {path} answered {page.Status} without its table ({marker})");
        return page.Milliseconds;
    }

    private static string Percentiles(List<double> times) =>
        $"p50={Say.N(times[times.Count / 2])}ms p95={Say.N(times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))])}ms max={Say.N(times[^1])}ms";

    private static string FirstLink(string html, string prefix)
    {
        var at = html.IndexOf($"href=\"{prefix}", StringComparison.Ordinal);
        if (at < 0) throw new BenchException($"no link to {prefix}… on the page");
        var start = at + "href=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
