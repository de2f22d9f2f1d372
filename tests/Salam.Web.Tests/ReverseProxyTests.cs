using System.Net;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// Over a real socket (Kestrel), where every request comes from 127.0.0.1 as it would from a proxy: X-Forwarded-For and
/// X-Forwarded-Proto are believed only from a configured proxy.
/// </summary>
public sealed class ReverseProxyTests
{
    private const int PostsPerClient = 3;

    private sealed class ProxyFactory : SalamWebFactory
    {
        private readonly (string Key, string Value)[] _proxy;

        public ProxyFactory(params (string Key, string Value)[] proxy)
        {
            _proxy = proxy;
            UseKestrel(0);
            StartServer();
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(_proxy.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
        {
            ["SignIn:RequestsPerClientPerMinute"] = PostsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:CodesPerNumber"] = "50",
        };
    }

    private static HttpClient ClientOf(SalamWebFactory factory, string forwardedFor)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>Sign-in posts until the limit: the first ones are refused for their missing token, but every post counts.</summary>
    private static async Task<List<HttpStatusCode>> PostSignInAsync(HttpClient client, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++) statuses.Add((await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        return statuses;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_rate_limit_and_the_scheme_is_https()
    {
        await using var factory = new ProxyFactory(("ReverseProxy:KnownProxies:0", "127.0.0.1"), ("ReverseProxy:KnownNetworks:0", "10.20.0.0/16"));
        var first = ClientOf(factory, "203.0.113.10");
        var second = ClientOf(factory, "203.0.113.20");

        var firstStatuses = await PostSignInAsync(first, PostsPerClient + 1);
        var secondStatuses = await PostSignInAsync(second, 1);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, firstStatuses.Take(PostsPerClient));
        Assert.Equal(HttpStatusCode.TooManyRequests, firstStatuses[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, secondStatuses[0]);
        // The sign-in redirect is built from the request's scheme: the proxy's https, not the socket's http.
        var challenge = await first.GetAsync("/jobs");
        Assert.Equal(Uri.UriSchemeHttps, challenge.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task With_no_proxy_configured_forged_forwarded_headers_are_ignored()
    {
        await using var factory = new ProxyFactory();
        var first = ClientOf(factory, "203.0.113.10");
        var second = ClientOf(factory, "203.0.113.20");

        var firstStatuses = await PostSignInAsync(first, PostsPerClient);
        var secondStatuses = await PostSignInAsync(second, 1);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, firstStatuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondStatuses[0]);
        var challenge = await first.GetAsync("/jobs");
        Assert.Equal(Uri.UriSchemeHttp, challenge.Headers.Location!.Scheme);
    }
}
