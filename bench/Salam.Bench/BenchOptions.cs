using System.Net;
using Salam.Bench.Data;

namespace Salam.Bench;

/// <param name="Urls">The app's nodes, one per --url: requests go to each in turn.</param>
/// <param name="FloorResidents">Residents prepared for the floor's timed phase (it stores faster than the app, so more).</param>
/// <param name="WarmUp">Seconds of uncounted posts before each timed phase (the app's and the floor's).</param>
public sealed record BenchOptions(IReadOnlyList<Uri> Urls, int Seconds, SqlDialect Database, int Concurrency, int Residents, int SetupConcurrency, long? RoundId,
    int FloorResidents, int WarmUp = 0)
{
    public const int DefaultConcurrency = 32;
    public const int MaxResidents = 1_000_000;

    /// <summary>The first node: for the commands that drive one app only (dashboard, page-weight).</summary>
    public Uri Url => Urls[0];

    /// <summary>One node, SQLite: the form the one-app commands use to check their URL.</summary>
    public static BenchOptions Create(string url, int seconds, string? db, int concurrency, int residents, int setupConcurrency, long? roundId) =>
        Create([url], seconds, db, null, concurrency, residents, setupConcurrency, roundId, 1);

    public static BenchOptions Create(IReadOnlyList<string> urls, int seconds, string? db, string? postgres, int concurrency, int residents, int setupConcurrency,
        long? roundId, int floorResidents, int warmUp = 0)
    {
        if (warmUp is < 0 or > 600) throw new BenchException("--warmup must be within 0..600 seconds");
        if (urls.Count == 0) throw new BenchException("--url is required (once per node)");
        var nodes = urls.Select(ParseUrl).ToList();
        if (nodes.Distinct().Count() != nodes.Count) throw new BenchException("each --url must name a different node");
        if (db is not null && postgres is not null) throw new BenchException("pass --db (SQLite) or --postgres (PostgreSQL), not both");
        if (postgres is not null && string.IsNullOrWhiteSpace(postgres)) throw new BenchException("--postgres needs a connection string, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres;Database=salam\"");
        if (seconds is < 1 or > 3600) throw new BenchException("--seconds must be within 1..3600");
        if (concurrency is < 1 or > 1024) throw new BenchException("--concurrency must be within 1..1024");
        if (residents is < 1 or > MaxResidents) throw new BenchException($"--residents must be within 1..{MaxResidents:N0}");
        // The development SMS outbox keeps the last 200 messages; a batch must fit in it.
        if (setupConcurrency is < 1 or > SignInPhase.BatchSize) throw new BenchException($"--setup-concurrency must be within 1..{SignInPhase.BatchSize}");
        if (floorResidents is < 1 or > MaxResidents) throw new BenchException($"--floor-residents must be within 1..{MaxResidents:N0}");
        var database = postgres is not null ? SqlDialect.Postgres(postgres) : SqlDialect.Sqlite(Path.GetFullPath(db ?? DefaultDatabase()));
        return new BenchOptions(nodes, seconds, database, concurrency, residents, setupConcurrency, roundId, floorResidents, warmUp);
    }

    private static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BenchException($"--url must be an absolute http(s) URL, not '{url}'");
        if (!IsLoopback(uri))
            throw new BenchException($"--url must point at this machine (localhost, 127.0.0.1 or [::1]), not '{uri.Host}': the driver only loads an app you run yourself");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Loopback) || ip.Equals(IPAddress.IPv6Loopback)));

    /// <summary>data/salam.db under the repository root: where the app keeps it when run with dotnet run --project Salam.Web.</summary>
    private static string DefaultDatabase()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Salam.Governance.sln")))
                    return Path.Combine(dir.FullName, "data", "salam.db");
        }
        return Path.Combine("data", "salam.db");
    }
}

public sealed class BenchException(string message) : Exception(message);
