using System.Net;
using AngleSharp.Html.Parser;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests.Minutes;

/// <summary>The residents' minutes page as a phone gets it: plain server-rendered HTML without the Blazor runtime, linked from their home.</summary>
public sealed class PublicMinutesHttpTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task A_resident_goes_from_home_to_the_minutes_page_served_without_the_blazor_runtime()
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/resident"));
        Assert.Equal("/my/minutes", home.QuerySelector("a.public-minutes-link")?.GetAttribute("href"));

        var response = await client.GetAsync("/my/minutes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".public-minutes"));
        Assert.Empty(page.QuerySelectorAll("script[src*='blazor'], script[src*='MudBlazor'], link[href*='MudBlazor']"));
        Assert.Empty(page.QuerySelectorAll(".public-minutes script"));
    }

    [Fact]
    public async Task Staff_cannot_open_the_residents_minutes_page()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");

        var response = await client.GetAsync("/my/minutes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location?.PathAndQuery);
        Assert.Null(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".public-minutes"));
    }
}
