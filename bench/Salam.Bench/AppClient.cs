using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Salam.Bench;

/// <summary>The one connection pool to the app: no redirects followed, no cookie container (each resident's <see cref="CookieJar"/> is sent by hand).</summary>
public sealed class AppClient : IDisposable
{
    private readonly HttpClient _http;

    public AppClient(Uri baseUrl, int maxConnections, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public async Task<Answer> GetAsync(string path, CookieJar jar, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, jar, readBody: true, cancellationToken);
    }

    public async Task<Answer> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CookieJar jar, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request, jar, readBody: true, cancellationToken);
    }

    /// <summary>Posts an already encoded form body; the body is read only when the answer is not a redirect.</summary>
    public async Task<Answer> PostEncodedAsync(string path, byte[] body, CookieJar jar, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await SendAsync(request, jar, readBody: false, cancellationToken);
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, CookieJar jar, bool readBody, CancellationToken cancellationToken)
    {
        jar.ApplyTo(request);
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        string body = "";
        if (readBody || status is < 300 or >= 400) body = await response.Content.ReadAsStringAsync(cancellationToken);
        else await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        var elapsed = Stopwatch.GetTimestamp() - started;
        jar.Update(response);
        return new Answer(status, response.Headers.Location?.OriginalString, body, elapsed);
    }

    public void Dispose() => _http.Dispose();
}

/// <param name="Ticks">Stopwatch ticks from sending the request to the end of its answer.</param>
public sealed record Answer(int Status, string? Location, string Body, long Ticks)
{
    public bool IsRedirect => Status is >= 300 and < 400;
    public double Milliseconds => Ticks * 1000.0 / Stopwatch.Frequency;
}
