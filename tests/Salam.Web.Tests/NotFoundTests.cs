using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// Every way of asking for an address with nothing at it answers 404 with the translated not-found page and a way home: an
/// unknown path (by any method, by enhanced navigation), a staff page whose id is not a number or names nothing.
/// </summary>
public sealed class NotFoundTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static async Task<IHtmlDocument> AssertNotFoundPageAsync(HttpResponseMessage response, string title = "این صفحه پیدا نشد")
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector(".salam-status h1")?.TextContent);
        Assert.NotNull(page.QuerySelector(".salam-status a[href='/']"));
        return page;
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_method_to_an_unknown_address_answers_404_with_the_translated_page_not_405(string method)
    {
        var response = await factory.NewClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/no-such-page?culture=en-US")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
        });

        var page = await AssertNotFoundPageAsync(response, "Page not found");
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Enhanced_navigation_to_an_unknown_address_gets_the_translated_page()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/somewhere/else");
        request.Headers.Add("blazor-enhanced-nav", "on");

        await AssertNotFoundPageAsync(await factory.NewClient().SendAsync(request));
    }

    [Theory]
    [InlineData("agency.qom.welfare", "/duties/abc")]
    [InlineData("agency.qom.welfare", "/duties/999999")]
    [InlineData("facilitator.pardisan", "/duties/999999")]
    [InlineData("facilitator.pardisan", "/facilitator/neighbourhoods/999999")]
    [InlineData("facilitator.pardisan", "/rounds/999999/staff-results")]
    [InlineData("facilitator.pardisan", "/rounds/999999/results")]
    [InlineData("ministry", "/reports/provinces/999999")]
    public async Task A_staff_page_whose_id_names_nothing_answers_404_with_the_translated_page(string userName, string url)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);

        var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.Redirect) response = await client.GetAsync(response.Headers.Location);

        await AssertNotFoundPageAsync(response);
    }

    [Fact]
    public async Task A_resident_asking_for_the_results_of_a_round_that_does_not_exist_gets_404()
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        await AssertNotFoundPageAsync(await client.GetAsync("/rounds/999999/results"));
    }

    [Fact]
    public async Task An_existing_duty_still_opens()
    {
        int dutyId;
        await using (var scope = factory.Services.CreateAsyncScope())
            dutyId = await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate")
                .Select(d => d.Id).FirstAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/duties/{dutyId}")).StatusCode);
    }
}
