using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>A round's results: residents read the light resident page, staff the same results inside the staff layout with its menu.</summary>
public sealed class ResultsLayoutTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int Id, string Title)> PardisanClosedRoundAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var round = await db.PriorityRounds.Where(r => (r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published) && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"))
            .Select(r => new { r.Id, r.Title }).FirstAsync();
        return (round.Id, round.Title);
    }

    [Fact]
    public async Task A_facilitator_opening_results_is_sent_to_the_results_inside_the_staff_layout()
    {
        var (roundId, title) = await PardisanClosedRoundAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");

        var response = await client.GetAsync($"/rounds/{roundId}/results");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/rounds/{roundId}/staff-results", response.Headers.Location!.PathAndQuery);

        var staff = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        var page = new HtmlParser().ParseDocument(await staff.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".mud-layout .salam-drawer a[href='/volunteers']"));
        Assert.Contains(title, page.QuerySelector(".salam-main")?.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll(".results-table tbody tr"));
        // The staff page is the live kind: its script and circuit are on the page.
        Assert.NotNull(page.QuerySelector("script[src*='blazor.web']"));
    }

    [Fact]
    public async Task A_resident_keeps_the_light_resident_page()
    {
        var (roundId, title) = await PardisanClosedRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var response = await client.GetAsync($"/rounds/{roundId}/results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector(".salam-hero h1")?.TextContent);
        Assert.Null(page.QuerySelector(".mud-layout"));
        Assert.NotEmpty(page.QuerySelectorAll(".results-table tbody tr"));
    }

    [Fact]
    public async Task A_resident_cannot_open_the_staff_results_page()
    {
        var (roundId, _) = await PardisanClosedRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var response = await client.GetAsync($"/rounds/{roundId}/staff-results");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
    }
}
