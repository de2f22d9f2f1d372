using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// In production a failed request gets the translated error page with status 500 and a correlation id that leads to its
/// logged exception (a post as much as a get), and an unknown address the translated not-found page with 404. A table taken
/// away stands in for a database that fails.
/// </summary>
public sealed class StatusPagesTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private void AssertLoggedWithItsException(string correlationId)
    {
        var entry = Assert.Single(factory.Logs, l => l.Message.Contains(correlationId, StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, entry.Level);
        Assert.IsType<System.Data.Common.DbException>(entry.Exception, exactMatch: false);
    }

    [Fact]
    public async Task A_download_that_fails_answers_500_with_the_english_error_page_and_a_logged_correlation_id()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(await factory.AddAgencyManagerAsync(), ProductionWebFactory.ManagerPassword);
        await factory.ExecuteSqlAsync("ALTER TABLE \"Duties\" RENAME TO \"Duties_unavailable\"");
        try
        {
            var response = await client.GetAsync("/agency/update-sheet.csv?culture=en-US");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var page = await PageAsync(response);
            Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
            Assert.Equal("Something went wrong", page.QuerySelector(".salam-status h1")?.TextContent);
            var correlationId = page.QuerySelector(".correlation-id")?.TextContent;
            Assert.Matches("^[0-9a-f]{32}$", correlationId);
            AssertLoggedWithItsException(correlationId!);
        }
        finally
        {
            await factory.ExecuteSqlAsync("ALTER TABLE \"Duties_unavailable\" RENAME TO \"Duties\"");
        }
    }

    [Fact]
    public async Task A_form_post_that_fails_answers_500_not_405_with_the_persian_error_page()
    {
        var client = factory.NewClient();
        await factory.ExecuteSqlAsync("ALTER TABLE \"OneTimeCodes\" RENAME TO \"OneTimeCodes_unavailable\"");
        try
        {
            var response = await client.RequestCodeAsync("09120000041");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var page = await PageAsync(response);
            Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
            Assert.Equal("fa", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("خطایی پیش آمد", page.QuerySelector(".salam-status h1")?.TextContent);
            var correlationId = page.QuerySelector(".correlation-id")?.TextContent;
            Assert.False(string.IsNullOrEmpty(correlationId));
            AssertLoggedWithItsException(correlationId!);
            // Switching language goes back to the form that failed, not to the error page.
            Assert.Equal("/signin", page.QuerySelector<IHtmlInputElement>("form[action='/culture'] input[name='returnUrl']")?.Value);
        }
        finally
        {
            await factory.ExecuteSqlAsync("ALTER TABLE \"OneTimeCodes_unavailable\" RENAME TO \"OneTimeCodes\"");
        }
    }

    [Theory]
    [InlineData("/no-such-page", "rtl", "این صفحه پیدا نشد")]
    [InlineData("/no-such-page?culture=en-US", "ltr", "Page not found")]
    [InlineData("/reports/nothing/here?culture=en-US", "ltr", "Page not found")]
    public async Task An_unknown_address_answers_404_with_the_translated_not_found_page(string url, string direction, string title)
    {
        var response = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PageAsync(response);
        Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(title, page.QuerySelector(".salam-status h1")?.TextContent);
        Assert.Null(page.QuerySelector(".correlation-id"));
    }

    [Fact]
    public async Task A_bodiless_refusal_keeps_its_own_status()
    {
        var response = await factory.NewClient().PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await PageAsync(response)).QuerySelector(".salam-status"));
    }
}
