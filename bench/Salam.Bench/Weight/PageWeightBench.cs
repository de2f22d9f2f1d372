using System.Globalization;

namespace Salam.Bench.Weight;

/// <summary>
/// The page weight of a running app (issue 12): bytes on the wire for the residents' sign-in, home and ballot, cold (empty
/// cache) and on a repeat visit, against their budgets (200 KB cold with the font, 30 KB repeat), and the staff home beside
/// them. Bytes depend on the build, not the machine; each page is weighed --runs times and the median is reported.
/// </summary>
public static class PageWeightBench
{
    private const long ColdBudget = 200_000;
    private const long RepeatBudget = 30_000;

    public static async Task<int> RunAsync(string url, string mobile, string staff, string password, int runs, CancellationToken cancellationToken)
    {
        var options = BenchOptions.Create(url, 20, null, 1, 1, 1, null); // checks the URL is loopback
        using var wire = new WireClient(options.Url);
        using var app = new AppClient(options.Url, 4);
        var resident = await SignInResidentAsync(app, mobile, cancellationToken);
        var home = await app.GetAsync("/resident", resident, cancellationToken);
        var ballot = FirstLink(home.Body, "/rounds/", "/ballot")
            ?? throw new BenchException($"resident {mobile} has no open round to vote in on /resident");
        var staffJar = await SignInStaffAsync(app, staff, password, cancellationToken);
        var staffHome = (await app.GetAsync("/", staffJar, cancellationToken)).Location ?? throw new BenchException($"/ did not send {staff} to a home page");

        var pages = new (string Name, string Path, CookieJar Jar, bool Budgeted)[]
        {
            ("sign-in", "/signin", new CookieJar(), true), ("resident home", "/resident", resident, true),
            ("ballot", ballot, resident, true), ($"staff home ({staff})", new Uri(options.Url, staffHome).PathAndQuery, staffJar, false),
        };
        Console.WriteLine($"page-weight: {options.Url} — {runs} run(s) of each page, cold then repeat; bytes received (headers + body as sent)");
        var met = true;
        var summary = new List<string>();
        foreach (var (name, path, jar, budgeted) in pages)
        {
            var cold = new List<long>();
            var repeat = new List<long>();
            IReadOnlyList<(string Path, long Bytes)> lastCold = [], lastRepeat = [];
            for (var run = 0; run < runs; run++)
            {
                wire.ClearCache();
                lastCold = await wire.VisitAsync(path, jar, cancellationToken);
                lastRepeat = await wire.VisitAsync(path, jar, cancellationToken);
                cold.Add(lastCold.Sum(r => r.Bytes));
                repeat.Add(lastRepeat.Sum(r => r.Bytes));
            }
            var (c, r) = (Median(cold), Median(repeat));
            Console.WriteLine($"  {name} {path}: cold {c:N0} B{Budget(c, ColdBudget, budgeted)}, repeat {r:N0} B{Budget(r, RepeatBudget, budgeted)}");
            Console.WriteLine($"    cold:   {Say(lastCold)}");
            Console.WriteLine($"    repeat: {Say(lastRepeat)}");
            if (budgeted) met &= c <= ColdBudget && r <= RepeatBudget;
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {c}/{r}"));
        }
        Console.WriteLine($"budget (residents' pages ≤ {ColdBudget:N0} B cold, ≤ {RepeatBudget:N0} B repeat): {(met ? "met" : "NOT met")}");
        Console.WriteLine($"page-weight (cold/repeat bytes): {string.Join("; ", summary)}");
        return met ? 0 : 2;
    }

    private static string Budget(long bytes, long budget, bool budgeted) =>
        budgeted ? string.Create(CultureInfo.InvariantCulture, $" ({bytes * 100.0 / budget:F0}% of {budget / 1000} KB)") : "";

    private static string Say(IReadOnlyList<(string Path, long Bytes)> visit) =>
        string.Join(", ", visit.Select(v => $"{v.Path.Split('?')[0]} {(v.Bytes == 0 ? "cached" : v.Bytes.ToString("N0", CultureInfo.InvariantCulture))}"));

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<CookieJar> SignInResidentAsync(AppClient app, string mobile, CancellationToken cancellationToken)
    {
        var jar = new CookieJar();
        var signIn = await app.GetAsync("/signin", jar, cancellationToken);
        var form = Html.FindForm(signIn.Body, "resident", "/signin") ?? throw new BenchException("no resident sign-in form on /signin");
        var asked = await app.PostFormAsync(form.Action, [.. form.Hidden, new("Resident.Mobile", mobile)], jar, cancellationToken);
        if (!asked.IsRedirect || asked.Location is null) throw new BenchException($"POST /signin for {mobile} answered {asked.Status}");
        var codePath = new Uri(app.BaseUrl, asked.Location).PathAndQuery;
        var codeForm = Html.FindForm((await app.GetAsync(codePath, jar, cancellationToken)).Body, "code", codePath) ?? throw new BenchException($"no code form at {codePath}");
        var outbox = await app.GetAsync("/dev/sms", new CookieJar(), cancellationToken);
        if (outbox.Status != 200) throw new BenchException("GET /dev/sms answered " + outbox.Status + ": run the app in Development so sent codes are listed there");
        if (!Html.SmsCodes(outbox.Body).TryGetValue(mobile, out var code)) throw new BenchException($"no code for {mobile} in /dev/sms");
        var entered = await app.PostFormAsync(codeForm.Action, [.. codeForm.Hidden, new("Form.Code", code)], jar, cancellationToken);
        if (!entered.IsRedirect) throw new BenchException($"the code for {mobile} was answered {entered.Status}");
        return jar;
    }

    private static async Task<CookieJar> SignInStaffAsync(AppClient app, string userName, string password, CancellationToken cancellationToken)
    {
        var jar = new CookieJar();
        var signIn = await app.GetAsync("/signin", jar, cancellationToken);
        var form = Html.FindForm(signIn.Body, "staff", "/signin") ?? throw new BenchException("no staff sign-in form on /signin");
        var signedIn = await app.PostFormAsync(form.Action, [.. form.Hidden, new("Staff.UserName", userName), new("Staff.Password", password)], jar, cancellationToken);
        if (!signedIn.IsRedirect || signedIn.Location?.Contains("signin", StringComparison.OrdinalIgnoreCase) == true)
            throw new BenchException($"sign-in as {userName} failed ({signedIn.Status} {signedIn.Location})");
        return jar;
    }

    private static string? FirstLink(string html, string prefix, string suffix)
    {
        for (var at = html.IndexOf($"href=\"{prefix}", StringComparison.Ordinal); at >= 0; at = html.IndexOf($"href=\"{prefix}", at + 1, StringComparison.Ordinal))
        {
            var start = at + "href=\"".Length;
            var link = html[start..html.IndexOf('"', start)];
            if (link.EndsWith(suffix, StringComparison.Ordinal)) return link;
        }
        return null;
    }
}
