using System.CommandLine;
using Salam.Bench;

// Salam's load driver. It drives an app already running at --url (loopback only; once per node) over HTTP, and reads that
// app's database (--db, a SQLite file, or --postgres) before and after. The only thing it starts is its own floor endpoint.
// See docs/BENCHMARKS.md.
var url = new Option<string[]>("--url") { Description = "Base URL of the running app; loopback only (localhost, 127.0.0.1, [::1]). Give it once per node: requests go to each in turn", Required = true };
var seconds = new Option<int>("--seconds") { Description = "Length of the timed phase, 1..3600", DefaultValueFactory = _ => 20 };
var db = new Option<string?>("--db") { Description = "The app's SQLite file (default: data/salam.db under the repository root)" };
var postgres = new Option<string?>("--postgres") { Description = "The app's PostgreSQL database instead of a SQLite file: a connection string, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres;Database=salam\"" };
var warmUp = new Option<int>("--warmup") { Description = "Seconds of uncounted ballot posts before each timed phase, the app's and the floor's (their residents come out of --residents and --floor-residents), 0..600", DefaultValueFactory = _ => 3 };
var floorResidents = new Option<int?>("--floor-residents") { Description = "Residents prepared for the floor's timed phase (default 10,000 x seconds), at most 1,000,000" };
var concurrency = new Option<int>("--concurrency") { Description = "Concurrent ballot posts in the timed phase, 1..1024", DefaultValueFactory = _ => BenchOptions.DefaultConcurrency };
var residents = new Option<int?>("--residents") { Description = "Residents to prepare (default: ballots 1,500 x seconds; signin 500), at most 1,000,000" };
var setupConcurrency = new Option<int>("--setup-concurrency") { Description = "Concurrent sign-ins during setup, 1..150", DefaultValueFactory = _ => 32 };
var round = new Option<long?>("--round") { Description = "The open round to vote in (default: the open round with the most needs)" };
var appPid = new Option<int?>("--app-pid") { Description = "The app's process id, to report its CPU apart from the driver's and other load (Linux)" };

var ballots = new Command("ballots", "Sign residents in, then post ballots concurrently for --seconds and check them in the database")
{
    url, seconds, db, postgres, concurrency, residents, setupConcurrency, round, appPid, floorResidents, warmUp,
};
ballots.SetAction((parse, cancellation) => Run(parse, ballots: true, cancellation));

var signin = new Command("signin", "Only sign residents in, as the ballots setup does, and report the sign-in throughput")
{
    url, db, postgres, residents, setupConcurrency, round, appPid,
};
signin.SetAction((parse, cancellation) => Run(parse, ballots: false, cancellation));

var scale = new Option<string>("--scale") { Description = "national (31 provinces, 430 counties, 20,000 neighbourhoods, 2,000,000 residents and ballots) or small (about 1%)", DefaultValueFactory = _ => "small" };
var output = new Option<string?>("--out") { Description = "The SQLite file to write (replaced if it exists)" };
var setPostgres = new Option<string?>("--postgres") { Description = "Instead of --out: a PostgreSQL connection string naming the set's own database (dropped and made anew), e.g. \"Host=127.0.0.1;Port=55432;Username=postgres;Database=salam_national\"" };
var generate = new Command("generate", "Write a synthetic country into a new SQLite file or PostgreSQL database, schema by the app's migrations") { scale, output, setPostgres };
generate.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Rollups.NationalSet.GenerateAsync(parse.GetValue(scale)!, parse.GetValue(output), parse.GetValue(setPostgres), cancellation)));

var rollupDb = new Option<string?>("--db") { Description = "A SQLite file made by generate" };
var rollup = new Command("rollup", "Time the full roll-up against a hand-written GROUP BY floor, then an incremental roll-up after 1% of neighbourhoods change") { rollupDb, setPostgres };
rollup.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Rollups.RollupBench.RunAsync(parse.GetValue(rollupDb), parse.GetValue(setPostgres), cancellation)));

var dashboardUrl = new Option<string>("--url") { Description = "Base URL of the running app; loopback only", Required = true };
var user = new Option<string>("--user") { Description = "A staff account that may read the report", DefaultValueFactory = _ => "ministry" };
var password = new Option<string>("--password") { Description = "Its password", DefaultValueFactory = _ => "Salam-1405" };
var requests = new Option<int>("--requests") { Description = "Rounds of each page", DefaultValueFactory = _ => 50 };
var officer = new Option<string>("--officer") { Description = "A provincial officer's account, for /province (same password)", DefaultValueFactory = _ => "officer1" };
var dashboardPages = new Option<string[]>("--pages") { Description = "Pages to time: reports, national, province", AllowMultipleArgumentsPerToken = true,
    DefaultValueFactory = _ => Salam.Bench.Rollups.DashboardRender.AllPages };
var dashboard = new Command("dashboard", "Sign in to a running app and time the first render of the roll-up report pages, /national and /province") { dashboardUrl, user, password, officer, requests, dashboardPages };
dashboard.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Rollups.DashboardRender.RunAsync(parse.GetRequiredValue(dashboardUrl),
    parse.GetValue(user)!, parse.GetValue(password)!, parse.GetValue(officer)!, parse.GetValue(requests), parse.GetValue(dashboardPages)!, cancellation)));

var geoRuns = new Option<int>("--runs") { Description = "Runs, each on fresh SQLite files; the median counts", DefaultValueFactory = _ => 3 };
var geoNeighbourhoods = new Option<int>("--neighbourhoods") { Description = "Neighbourhoods in the generated file (31 provinces and 430 counties above them)", DefaultValueFactory = _ => 40_000 };
var geography = new Command("geography-import", "Generate a whole country's geography file; time its preview, apply and re-apply through the app's pipeline against a raw insert floor") { geoRuns, geoNeighbourhoods };
geography.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Rollups.GeographyImportBench.RunAsync(parse.GetValue(geoRuns), parse.GetValue(geoNeighbourhoods), cancellation)));

var importRows = new Option<int>("--rows") { Description = "Residents in the file, 1..20,000", DefaultValueFactory = _ => 10_000 };
var importRuns = new Option<int>("--runs") { Description = "Runs of each (the median is reported), 1..20", DefaultValueFactory = _ => 5 };
var residentImport = new Command("resident-import", "Time a CSV of residents previewed and applied through the real pipeline against a raw bulk insert of the same rows") { importRows, importRuns };
residentImport.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Residents.ResidentImportBench.RunAsync(
    Math.Clamp(parse.GetValue(importRows), 1, 20_000), Math.Clamp(parse.GetValue(importRuns), 1, 20), cancellation)));

var weightUrl = new Option<string>("--url") { Description = "Base URL of the running app (Development, so sign-in codes are at /dev/sms); loopback only", Required = true };
var weightMobile = new Option<string>("--mobile") { Description = "A confirmed resident with an open round", DefaultValueFactory = _ => "09120000001" };
var weightStaff = new Option<string>("--user") { Description = "A staff account whose home page is weighed beside", DefaultValueFactory = _ => "facilitator.pardisan" };
var weightPassword = new Option<string>("--password") { Description = "Its password", DefaultValueFactory = _ => "Salam-1405" };
var weightRuns = new Option<int>("--runs") { Description = "Cold and repeat visits of each page (the median is reported), 1..20", DefaultValueFactory = _ => 5 };
var pageWeight = new Command("page-weight", "Bytes on the wire of the residents' sign-in, home and ballot (cold and repeat, against 200 KB / 30 KB) and of a staff home") { weightUrl, weightMobile, weightStaff, weightPassword, weightRuns };
pageWeight.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Weight.PageWeightBench.RunAsync(parse.GetRequiredValue(weightUrl), parse.GetValue(weightMobile)!,
    parse.GetValue(weightStaff)!, parse.GetValue(weightPassword)!, Math.Clamp(parse.GetValue(weightRuns), 1, 20), cancellation)));

var publicUrl = new Option<string>("--url") { Description = "Base URL of the running app; loopback only", Required = true };
var publicNeighbourhood = new Option<string>("--neighbourhood") { Description = "A neighbourhood's code (/n/{code})", DefaultValueFactory = _ => "QOM-01-001" };
var publicProvince = new Option<string>("--province") { Description = "A province's code (/p/{code})", DefaultValueFactory = _ => "QOM" };
var publicRuns = new Option<int>("--runs") { Description = "Cold visits of each page (the median is reported), 1..20", DefaultValueFactory = _ => 5 };
var publicWeight = new Command("public-weight", "Bytes on the wire of the public pages /n/{code}, /p/{code} and /nation, cold, fonts aside, against 100 KB (issue 16)") { publicUrl, publicNeighbourhood, publicProvince, publicRuns };
publicWeight.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Weight.PublicWeightBench.RunAsync(parse.GetRequiredValue(publicUrl), parse.GetValue(publicNeighbourhood)!,
    parse.GetValue(publicProvince)!, Math.Clamp(parse.GetValue(publicRuns), 1, 20), cancellation)));

var notifyMessages = new Option<int>("--messages") { Description = "Messages queued, then drained, 1..1,000,000", DefaultValueFactory = _ => 100_000 };
var notifyPostgres = new Option<string?>("--postgres") { Description = "Instead of a SQLite file in a temporary folder: a PostgreSQL connection string naming the bench's own database (dropped and made anew)" };
var notify = new Command("notify", "Queue messages and drain them through the app's outbox drainer and HTTP SMS gateway to a local fake gateway, against a floor of bare posts to the fake (issue 18)") { notifyMessages, notifyPostgres };
notify.SetAction((parse, cancellation) => Guard(() => Salam.Bench.Notify.NotifyBench.RunAsync(Math.Clamp(parse.GetValue(notifyMessages), 1, 1_000_000), parse.GetValue(notifyPostgres), cancellation)));

var root = new RootCommand("Salam load driver (issue 3), national data generator and roll-up benchmark (issue 5), geography and resident import benchmarks (issue 11), page weight (issue 12), public pages' weight (issue 16), the outbox drain (issue 18)") { ballots, signin, generate, rollup, dashboard, geography, residentImport, pageWeight, publicWeight, notify };
return await root.Parse(args).InvokeAsync();

Task<int> Run(ParseResult parse, bool ballots, CancellationToken cancellation)
{
    BenchOptions options;
    try
    {
        CpuSample.AppPid = parse.GetValue(appPid);
        // --seconds and --concurrency belong to "ballots" only; "signin" gets their defaults.
        var secs = ballots ? parse.GetValue(seconds) : 20;
        options = BenchOptions.Create(
            parse.GetRequiredValue(url),
            secs,
            parse.GetValue(db),
            parse.GetValue(postgres),
            ballots ? parse.GetValue(concurrency) : BenchOptions.DefaultConcurrency,
            parse.GetValue(residents) ?? (ballots ? Math.Min(1_500 * secs, BenchOptions.MaxResidents) : 500),
            parse.GetValue(setupConcurrency),
            parse.GetValue(round),
            parse.GetValue(floorResidents) ?? Math.Min(10_000 * secs, BenchOptions.MaxResidents),
            ballots ? parse.GetValue(warmUp) : 0);
    }
    catch (BenchException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return Task.FromResult(1);
    }
    return ballots ? Commands.BallotsAsync(options, cancellation) : Commands.SignInAsync(options, cancellation);
}

static async Task<int> Guard(Func<Task<int>> run)
{
    try
    {
        return await run();
    }
    catch (BenchException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}
