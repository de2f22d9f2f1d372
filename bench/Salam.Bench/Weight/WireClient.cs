using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Salam.Bench.Weight;

/// <summary>
/// A browser's view of one page's transfer, without a browser: the page, then each file it links (stylesheets, scripts,
/// preloads, url() in its inline style), each counted as the bytes received (status line, headers, body as sent, compressed
/// when the server compressed it). An HTTP cache of its own follows Cache-Control as Chromium does: a fresh entry
/// (max-age, immutable) is not asked for again; a no-cache one is revalidated with If-None-Match.
/// </summary>
public sealed partial class WireClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, (DateTimeOffset FreshUntil, string? ETag)> _cache = new(StringComparer.Ordinal);

    public WireClient(Uri baseUrl)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Forgets every cached file: the next visit is a cold one.</summary>
    public void ClearCache() => _cache.Clear();

    /// <summary>One visit: the page and the files it links (fonts left out when <paramref name="fontsAside"/>); each response's path and bytes received.</summary>
    public async Task<IReadOnlyList<(string Path, long Bytes)>> VisitAsync(string path, CookieJar jar, CancellationToken cancellationToken, bool fontsAside = false)
    {
        var (status, bytes, html) = await GetAsync(path, jar, readText: true, cancellationToken);
        if (status != 200) throw new BenchException($"GET {path} answered {status}");
        var visit = new List<(string, long)> { (path, bytes) };
        foreach (var file in LinkedFiles(html).Where(f => !fontsAside || !IsFont(f)))
        {
            if (_cache.TryGetValue(file, out var cached) && cached.FreshUntil > DateTimeOffset.UtcNow) { visit.Add((file, 0)); continue; }
            var (fileStatus, fileBytes, _) = await GetAsync(file, jar, readText: false, cancellationToken);
            if (fileStatus is not (200 or 304)) throw new BenchException($"GET {file} (linked by {path}) answered {fileStatus}");
            visit.Add((file, fileBytes));
        }
        return visit;
    }

    public static bool IsFont(string path) =>
        path.Split('?')[0] is var file && (file.EndsWith(".woff2", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".woff", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase));

    /// <summary>Same-site images the page shows (&lt;img src&gt;), each once: weighed apart, as photos load lazily as the reader scrolls.</summary>
    public static IReadOnlyList<string> Images(string html) =>
        ImageSource().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal))
            .Select(url => "/" + url.TrimStart('/')).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The bytes received for one file (no cache): for images weighed apart.</summary>
    public async Task<long> WeighAsync(string path, CookieJar jar, CancellationToken cancellationToken) =>
        (await GetAsync(path, jar, readText: false, cancellationToken)).Bytes;

    /// <summary>The page's own HTML as the reader gets it (decoded), for what it links.</summary>
    public async Task<string> ReadAsync(string path, CookieJar jar, CancellationToken cancellationToken) =>
        (await GetAsync(path, jar, readText: true, cancellationToken)).Text;

    private async Task<(int Status, long Bytes, string Text)> GetAsync(string path, CookieJar jar, bool readText, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        if (!readText && _cache.TryGetValue(path, out var cached) && cached.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        jar.ApplyTo(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        jar.Update(response);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!readText && response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified) Remember(path, response);
        // What Chromium reports as encodedDataLength over HTTP/1.1: the status line, the headers, the body as it came.
        var headers = response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 2 + string.Join(", ", h.Value).Length + 2);
        var statusLine = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n".Length + 2;
        var text = readText ? System.Text.Encoding.UTF8.GetString(Decoded(body, response.Content.Headers.ContentEncoding)) : "";
        return ((int)response.StatusCode, statusLine + headers + body.Length, text);
    }

    private void Remember(string path, HttpResponseMessage response)
    {
        var control = response.Headers.CacheControl;
        var fresh = control is { NoCache: false, NoStore: false, MaxAge: { } age } ? DateTimeOffset.UtcNow + age : DateTimeOffset.MinValue;
        var etag = response.Headers.ETag?.ToString() ?? (_cache.TryGetValue(path, out var old) ? old.ETag : null);
        _cache[path] = (fresh, etag);
    }

    private static byte[] Decoded(byte[] body, ICollection<string> encodings)
    {
        if (encodings.Count == 0) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = encodings.Last() switch
        {
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            var other => throw new BenchException($"the page came {other}-encoded, which this tool does not read"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Stylesheets, scripts and preloads the page links, and url() in its inline styles (the font), each once.</summary>
    public static IReadOnlyList<string> LinkedFiles(string html) =>
        LinkOrScript().Matches(html).Select(m => m.Groups["url"].Value)
            .Concat(StyleUrl().Matches(html).Select(m => m.Groups["url"].Value))
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith('#') && !url.Contains("//", StringComparison.Ordinal))
            .Select(url => "/" + WebUtility.HtmlDecode(url).Trim('\'', '"').TrimStart('/')).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("""<(?:link[^>]*\brel="(?:stylesheet|preload)"[^>]*\bhref|script[^>]*\bsrc)="(?<url>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkOrScript();

    [GeneratedRegex("""<img[^>]*\bsrc="(?<url>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex("""url\('?(?<url>[^')]+)'?\)""")]
    private static partial Regex StyleUrl();

    public void Dispose() => _http.Dispose();
}
