using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// Static files over HTTP (Program.cs, App.razor): one path, MapStaticAssets, serving the build's gzip/brotli copies by
/// Accept-Encoding and caching fingerprinted names for good; residents' pages link neither MudBlazor nor Blazor's script.
/// </summary>
public sealed partial class StaticAssetsTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [GeneratedRegex(@"\.[a-z0-9]{10}\.(css|js|woff2)$")]
    private static partial Regex Fingerprinted();

    private static List<string> LinkedAssets(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        return page.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .Where(url => url.EndsWith(".css", StringComparison.Ordinal) || url.EndsWith(".js", StringComparison.Ordinal) || url.EndsWith(".woff2", StringComparison.Ordinal))
            .Select(url => "/" + url.TrimStart('/')).ToList();
    }

    private static async Task<HttpResponseMessage> GetCompressedAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_staff_page_gets_mudblazor_compressed_and_revalidated_and_blazor_by_a_fingerprinted_name_cached_for_good()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");
        var assets = LinkedAssets(await client.GetStringAsync("/facilitator"));

        // MudBlazor by its plain name, the only one the SDK makes compressed copies for (App.razor); the rest fingerprinted.
        Assert.Contains("/_content/MudBlazor/MudBlazor.min.css", assets);
        Assert.Contains("/_content/MudBlazor/MudBlazor.min.js", assets);
        Assert.All(assets.Where(a => !a.StartsWith("/_content/MudBlazor/", StringComparison.Ordinal)), a => Assert.Matches(Fingerprinted(), a));

        var css = await GetCompressedAsync(client, "/_content/MudBlazor/MudBlazor.min.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(css.Content.Headers.ContentEncoding.Single(), new[] { "br", "gzip" });
        Assert.InRange((await css.Content.ReadAsByteArrayAsync()).Length, 1, 100_000); // 628 KB as it is
        Assert.Contains("Accept-Encoding", css.Headers.Vary);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/_content/MudBlazor/MudBlazor.min.css");
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        again.Headers.IfNoneMatch.Add(css.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var blazor = await GetCompressedAsync(client, Assert.Single(assets, a => a.StartsWith("/_framework/blazor.web.", StringComparison.Ordinal)));
        Assert.NotEmpty(blazor.Content.Headers.ContentEncoding);
        Assert.True(blazor.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {blazor.Headers.CacheControl}");
        Assert.Contains("immutable", blazor.Headers.CacheControl.ToString());

        // A client that takes no compression still gets the file as it is.
        var plain = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True((await plain.Content.ReadAsByteArrayAsync()).Length > 500_000);
    }

    [Fact]
    public async Task Residents_pages_link_neither_mudblazor_nor_blazor_and_each_file_they_link_is_fingerprinted_compressed_and_cached()
    {
        int roundId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            roundId = await db.PriorityRounds.Where(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"))
                .Select(r => r.Id).SingleAsync();
        }
        var anonymous = factory.NewClient();
        var resident = factory.NewClient();
        await resident.SignInResidentAsync(factory, "09120000004");
        var pages = new (HttpClient Client, string Path)[] { (anonymous, "/signin"), (anonymous, "/register"), (resident, "/resident"), (resident, $"/rounds/{roundId}/ballot") };

        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("MudBlazor", html);
            Assert.DoesNotContain("blazor.web", html);
            Assert.DoesNotContain("importmap", html);
            // The font is declared inline by its fingerprinted name, and nothing in the style element is entity-encoded.
            Assert.Matches(@"<style>@font-face\{font-family:Vazirmatn;src:url\(fonts/vazirmatn/Vazirmatn-Variable\.[a-z0-9]{10}\.woff2\);", html);
            var assets = LinkedAssets(html);
            Assert.Contains(assets, a => a.Contains("/fonts/vazirmatn/", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                Assert.Matches(Fingerprinted(), asset);
                var file = await GetCompressedAsync(client, asset);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Contains("immutable", file.Headers.CacheControl?.ToString() ?? "");
                // Text is sent compressed; the font (woff2) is compressed already.
                if (!asset.EndsWith(".woff2", StringComparison.Ordinal)) Assert.NotEmpty(file.Content.Headers.ContentEncoding);
            }
        }
    }

    [Fact]
    public async Task A_file_asked_by_its_plain_name_is_revalidated_and_answered_304_when_unchanged()
    {
        var client = factory.NewClient();
        var first = await GetCompressedAsync(client, "/app.css");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.NoCache);
        Assert.NotNull(first.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.css");
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }
}
