using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The security headers on a page, on a resident's form post, on every download, and the dashboard's own policy.</summary>
public sealed class SecurityHeadersTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static Dictionary<string, string[]> Csp(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    /// <summary>The app's policy: its own scripts only (and the nonce), nothing to embed, no other base, no framing, the circuit on this host.</summary>
    private static void AssertAppPolicy(Dictionary<string, string[]> csp, bool withNonce)
    {
        var scripts = csp["script-src"];
        Assert.Contains("'self'", scripts);
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.DoesNotContain(scripts, s => s is "*" or "data:" or "http:" or "https:" or "'unsafe-hashes'" or "'strict-dynamic'");
        Assert.Equal(withNonce ? 1 : 0, scripts.Count(s => s.StartsWith("'nonce-", StringComparison.Ordinal)));
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'self'"], csp["base-uri"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Equal(["'self'"], csp["connect-src"]);
    }

    [Theory]
    [InlineData(null, "/signin")]
    [InlineData("facilitator.pardisan", "/facilitator")]
    public async Task A_page_sends_the_headers_and_its_only_inline_script_carries_the_policy_s_nonce(string? staff, string path)
    {
        var client = factory.NewClient();
        if (staff is not null) await client.SignInStaffAsync(staff);
        var response = await client.GetAsync(path);

        AssertCommonHeaders(response);
        var csp = Csp(response);
        AssertAppPolicy(csp, withNonce: true);
        var nonce = csp["script-src"].Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var inline = page.QuerySelectorAll("script:not([src])").ToList();
        // A staff page runs Blazor, whose import map is inline; sign-in is a plain form without Blazor's script and has none.
        if (staff is null) Assert.Empty(inline);
        else Assert.Contains(inline, s => s.GetAttribute("type") == "importmap");
        Assert.All(inline, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onerror], [onsubmit]"));
    }

    [Fact]
    public async Task Each_page_gets_a_nonce_of_its_own()
    {
        var client = factory.NewClient();
        var first = Csp(await client.GetAsync("/signin"))["script-src"].Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal));
        var second = Csp(await client.GetAsync("/signin"))["script-src"].Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_resident_s_ballot_post_sends_the_headers_whether_accepted_or_refused()
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000031");

        var accepted = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", new Dictionary<string, string> { ["Input.Needs[0].Id"] = needs[0], ["Input.Needs[0].Rank"] = "1" });
        var refused = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", new Dictionary<string, string> { ["Input.Needs[0].Id"] = needs[0], ["Input.Needs[0].Rank"] = "1", ["Input.Needs[1].Id"] = needs[1], ["Input.Needs[1].Rank"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        AssertCommonHeaders(accepted);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertCommonHeaders(refused);
        AssertAppPolicy(Csp(refused), withNonce: true);
    }

    [Theory]
    [InlineData("ministry", "/reports/export.csv?level={0}")]
    [InlineData("ministry", "/reports/export.xlsx?level={0}")]
    [InlineData("agency.qom.welfare", "/agency/update-sheet.csv")]
    public async Task Every_download_is_sent_with_no_store_and_the_headers(string userName, string url)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, (int)RollupLevel.Province));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'");
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task The_jobs_dashboard_has_its_own_policy_and_the_app_s_stays_as_strict()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("admin");

        var jobs = await client.GetAsync("/jobs");
        var admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        AssertCommonHeaders(jobs);
        AssertAppPolicy(Csp(jobs), withNonce: false);
        AssertAppPolicy(Csp(admin), withNonce: true);
    }

    private async Task<(int RoundId, List<string> NeedIds)> PardisanOpenRoundAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var round = await db.PriorityRounds.Include(r => r.Needs)
            .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
        return (round.Id, round.Needs.Select(n => n.NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }
}
