using System.Globalization;
using Salam.Bench.Floor;

namespace Salam.Bench;

public static class Commands
{
    /// <summary>Residents, sign-in and ballot forms (setup), the timed ballot posts, the database read back; then the floor the same way.</summary>
    public static async Task<int> BallotsAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var app = new Nodes(options.Urls, Math.Max(options.Concurrency, options.SetupConcurrency) + 8);
            Console.WriteLine($"ballots: driving {app} ({app.Count} node{(app.Count == 1 ? "" : "s")}, in turn) for {options.Seconds}s with {options.Concurrency} concurrent posts; "
                + $"{options.Residents:N0} residents; {options.Database.Name} {options.Database.Where}");
            using var db = BenchDatabase.Open(options.Database);
            await CheckHealthAsync(app, cancellationToken);
            var round = db.PickRound(options.RoundId);
            Console.WriteLine($"setup: round {round.Id} «{round.Title}» of neighbourhood {round.NeighbourhoodId}: K={round.MaxRanks}, {round.Needs} needs{(round.OpenNow ? "" : " (its window does not contain now: the app may refuse)")}");
            var residents = db.EnsureResidents(round, options.Residents, Console.WriteLine).Select(r => new BenchResident(r)).ToList();
            Console.WriteLine($"setup: {residents.Count:N0} residents who have not voted in round {round.Id}; signing them in and fetching their ballot forms ({options.SetupConcurrency} at a time)");

            var ballotPath = $"/rounds/{round.Id}/ballot";
            var ballotPage = new Latencies();
            var signIn = new SignInPhase(app, options.SetupConcurrency);
            var ready = await signIn.RunAsync(residents, async (resident, ct) =>
            {
                var page = await app.Next().GetAsync(ballotPath, resident.Jar, ct);
                ballotPage.Add(page.Ticks);
                return page.Status == 200
                    ? PrepareBallot(resident, page.Body, ballotPath)
                    : $"GET {ballotPath} answered {page.Status}{(page.Location is { } to ? " → " + to : "")}";
            }, "signed in with ballot form", cancellationToken);
            ReportSetup(signIn, ready.Count, $"GET ballot p95 {Say.N(ballotPage.Percentile(95))}ms");
            if (ready.Count == 0) throw new BenchException("no resident is ready to vote: see the failures above");

            var timedReady = await TimedPhase.WarmUpAsync("timed", app, ready, options.WarmUp, options.Concurrency, cancellationToken);
            Console.WriteLine($"timed: posting ballots for {options.Seconds}s with {options.Concurrency} concurrent posts…");
            var result = await TimedPhase.RunAsync(app, timedReady, options.Seconds, options.Concurrency, cancellationToken);
            var rate = result.Acknowledged / result.Seconds;
            var p95 = Percentiles.Of(result.SortedTicks, 95, sorted: true);
            Console.WriteLine($"timed: {Say.N(result.Seconds, "F2")}s; posted {result.Posted:N0}: acknowledged {result.Acknowledged:N0}, refused (400) {result.Refused:N0}, other answers {result.Other:N0}, no answer {result.Failed:N0}");
            if (result.RanOut)
                Console.WriteLine($"timed: STOPPED EARLY after {Say.N(result.Seconds)}s: all {timedReady.Count:N0} prepared residents left after the warm-up had voted (pass a larger --residents)");
            foreach (var (reason, n) in result.Reasons.OrderByDescending(r => r.Value).Take(5))
                Console.WriteLine($"timed: {n:N0} × {reason}");
            Console.WriteLine($"latency (ms, {result.SortedTicks.Length:N0} answered posts): p50={P(result, 50)} p90={P(result, 90)} p95={P(result, 95)} p99={P(result, 99)} max={P(result, 100)}");
            Console.WriteLine(Histogram(result.SortedTicks));
            Console.WriteLine(result.Cpu);

            var back = db.ReadBack(round.Id, result.AcknowledgedResidents, result.UnacknowledgedResidents);
            Console.WriteLine($"readback: {back.Entries:N0} ballot entries stored for the acknowledged ballots, {back.ExpectedEntries:N0} ranks were sent");
            if (back.StoredUnacknowledged > 0)
                Console.WriteLine($"readback: {back.StoredUnacknowledged:N0} ballots are stored whose post was not acknowledged (refused, error or timeout)");
            var met = rate >= 1000 && p95 < 50 && back.Stored == result.Acknowledged && back.Duplicates == 0 && back.Missing == 0;
            Console.WriteLine($"bar (≥ 1000/s, p95 < 50ms, stored = acknowledged, duplicates = 0): {(met ? "met" : "NOT met")}");
            Console.WriteLine($"missing: {back.Missing:N0} acknowledged ballots have no stored ballot");

            var floor = await FloorPhase.RunAsync(options, db, round, ready, cancellationToken);
            var floorKept = floor.Back.Stored == floor.Timed.Acknowledged && floor.Back.Missing == 0;
            if (!floorKept) Console.WriteLine($"floor: NOT all acknowledged floor ballots are stored ({floor.Back.Missing:N0} missing): its rate is not a floor");
            Console.WriteLine(LastLine(rate, p95, result.Acknowledged, back.Stored, Math.Max(back.Duplicates, floor.Back.Duplicates), floor.Rate));
            return back.Stored == result.Acknowledged && back.Duplicates == 0 && back.Missing == 0 && floorKept ? 0 : 2;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: {string.Join(", ", options.Urls)}: a node did not answer ({e.Message}). Is the app running there?");
            return 1;
        }
    }

    /// <summary>Only the sign-in part of the setup: its throughput, for when there is no ballot page yet.</summary>
    public static async Task<int> SignInAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var app = new Nodes(options.Urls, options.SetupConcurrency + 8);
            Console.WriteLine($"signin: driving {app}; {options.Residents:N0} residents, {options.SetupConcurrency} at a time; {options.Database.Name} {options.Database.Where}");
            using var db = BenchDatabase.Open(options.Database);
            await CheckHealthAsync(app, cancellationToken);
            var round = db.PickRound(options.RoundId);
            var residents = db.EnsureResidents(round, options.Residents, Console.WriteLine).Select(r => new BenchResident(r)).ToList();
            Console.WriteLine($"setup: {residents.Count:N0} residents of neighbourhood {round.NeighbourhoodId} (round {round.Id}); signing them in");
            var cpuBefore = CpuSample.Take();
            var signIn = new SignInPhase(app, options.SetupConcurrency);
            var done = await signIn.RunAsync(residents, null, "signed in", cancellationToken);
            Console.WriteLine(CpuSample.Describe(cpuBefore, CpuSample.Take()));
            ReportSetup(signIn, done.Count, "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"signin: {done.Count / signIn.Elapsed.TotalSeconds:F1}/s signed-in={done.Count} failed={signIn.Failed} p95 request-code={signIn.RequestCode.Percentile(95):F1}ms enter-code={signIn.EnterCode.Percentile(95):F1}ms"));
            return signIn.Failed == 0 ? 0 : 2;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: {string.Join(", ", options.Urls)}: a node did not answer ({e.Message}). Is the app running there?");
            return 1;
        }
    }

    /// <summary>
    /// Reads the ballot form generically (its hidden fields, and each need's rank select with its non-empty options, the ranks
    /// 1..R) and prepares this resident's ballot: ranks 1..n (n random in 1..R) given to n needs picked at random, the other
    /// needs' selects sent empty as a browser sends an unchosen select. Returns a failure reason, or null.
    /// </summary>
    private static string? PrepareBallot(BenchResident resident, string html, string pagePath)
    {
        var form = Html.FindForm(html, "ballot", pagePath);
        if (form is null) return $"GET {pagePath}: no form with _handler=ballot ({Html.Message(html, 120)})";
        var needs = form.Selects.ToArray();
        var ranks = needs.SelectMany(s => s.Values).Distinct().Count();
        if (needs.Length == 0 || ranks == 0) return $"GET {pagePath}: the ballot form has no need with a rank to choose";

        Random.Shared.Shuffle(needs);
        var chosen = Random.Shared.Next(1, Math.Min(ranks, needs.Length) + 1);
        var fields = form.Hidden.ToList();
        for (var i = 0; i < needs.Length; i++)
            fields.Add(new(needs[i].Name, i < chosen ? (i + 1).ToString(CultureInfo.InvariantCulture) : ""));
        using var content = new FormUrlEncodedContent(fields);
        resident.BallotBody = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        resident.BallotPath = form.Action;
        resident.Ranks = chosen;
        return null;
    }

    private static void ReportSetup(SignInPhase signIn, int ready, string extra)
    {
        Console.WriteLine($"setup: {ready:N0} ready, {signIn.Failed:N0} failed after retries, in {Say.N(signIn.Elapsed.TotalSeconds)}s "
            + $"({Say.N(ready / Math.Max(0.001, signIn.Elapsed.TotalSeconds))}/s); POST /signin p95 {Say.N(signIn.RequestCode.Percentile(95))}ms, "
            + $"POST /signin/code p95 {Say.N(signIn.EnterCode.Percentile(95))}ms {extra}".TrimEnd());
        foreach (var (reason, n) in signIn.Failures.OrderByDescending(f => f.Value).Take(5))
            Console.WriteLine($"setup: {n:N0} × {reason}");
    }

    /// <summary>
    /// The driver's last line. Duplicates count both the app's and the floor's (any is a fault); ratio is the app's rate over
    /// the floor's, both measured in this run on this machine, so it travels between machines where the rates do not.
    /// </summary>
    public static string LastLine(double rate, double p95, int acknowledged, long stored, long duplicates, double floorRate) =>
        string.Create(CultureInfo.InvariantCulture,
            $"ballots: {rate:F1}/s p95={p95:F1}ms acknowledged={acknowledged} stored={stored} duplicates={duplicates} floor={floorRate:F1}/s ratio={(floorRate > 0 ? rate / floorRate : 0):F2}");

    private static async Task CheckHealthAsync(Nodes nodes, CancellationToken cancellationToken)
    {
        foreach (var app in nodes.All)
        {
            var health = await app.GetAsync("/health", new CookieJar(), cancellationToken);
            if (health.Status != 200) throw new BenchException($"GET /health answered {health.Status}: the app at {app.BaseUrl} is not ready");
        }
    }

    /// <summary>How the answered posts spread over latency bands (a bimodal spread points at waiting, not work).</summary>
    private static string Histogram(long[] sortedTicks)
    {
        double[] edges = [5, 10, 25, 50, 100, 150, 300, 600, 1200];
        var counts = new int[edges.Length + 1];
        foreach (var t in sortedTicks)
        {
            var ms = t * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
            var band = Array.FindIndex(edges, e => ms < e);
            counts[band < 0 ? edges.Length : band]++;
        }
        var total = Math.Max(1, sortedTicks.Length);
        var parts = new List<string>();
        for (var i = 0; i <= edges.Length; i++)
        {
            var label = i == 0 ? $"<{edges[0]}" : i == edges.Length ? $"≥{edges[^1]}" : $"{edges[i - 1]}-{edges[i]}";
            parts.Add($"{label}: {Say.N(100.0 * counts[i] / total)}%");
        }
        return "latency bands (ms): " + string.Join("  ", parts);
    }

    private static string P(TimedResult result, double p) => Say.N(Percentiles.Of(result.SortedTicks, p, sorted: true));
}
