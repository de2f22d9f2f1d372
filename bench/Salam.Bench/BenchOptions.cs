using System.Net;

namespace Salam.Bench;

public sealed record BenchOptions(Uri Url, int Seconds, string DbPath, int Concurrency, int Residents, int SetupConcurrency, long? RoundId)
{
    public const int DefaultConcurrency = 32;
    public const int MaxResidents = 1_000_000;

    public static BenchOptions Create(string url, int seconds, string? db, int concurrency, int residents, int setupConcurrency, long? roundId)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BenchException($"--url must be an absolute http(s) URL, not '{url}'");
        if (!IsLoopback(uri))
            throw new BenchException($"--url must point at this machine (localhost, 127.0.0.1 or [::1]), not '{uri.Host}': the driver only loads an app you run yourself");
        if (seconds is < 1 or > 3600) throw new BenchException("--seconds must be within 1..3600");
        if (concurrency is < 1 or > 1024) throw new BenchException("--concurrency must be within 1..1024");
        if (residents is < 1 or > MaxResidents) throw new BenchException($"--residents must be within 1..{MaxResidents:N0}");
        // The development SMS outbox keeps the last 200 messages; a batch must fit in it.
        if (setupConcurrency is < 1 or > SignInPhase.BatchSize) throw new BenchException($"--setup-concurrency must be within 1..{SignInPhase.BatchSize}");
        var baseUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        return new BenchOptions(baseUri, seconds, Path.GetFullPath(db ?? DefaultDatabase()), concurrency, residents, setupConcurrency, roundId);
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
