using System.Net;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Return URLs: a bad one is refused quietly (home, never a 500 or another site), a good one is kept.</summary>
public sealed class ReturnUrlTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    /// <summary>Each as it arrives in the query string, before the query's own decoding.</summary>
    public static TheoryData<string> BadReturnUrls => new()
    {
        "/%09x",                       // tab
        "/%0d%0aSet-Cookie:%20a=b",    // header splitting
        "/%00",                        // NUL
        "/x%7f",                       // DEL
        "/x%C2%85",                    // NEL, a C1 control
        "//evil.example",
        "/%2Fevil.example",            // decoded by the query: //evil.example
        "/%5Cevil.example",            // decoded by the query: /\evil.example
        "%5C%5Cevil.example",
        "/x%5Cy",
        "/%252F%252Fevil.example",     // /%2F%2Fevil.example, ///evil.example once decoded again
        "/%255Cevil.example",          // /%5Cevil.example, /\evil.example once decoded again
        "/%2509x",                     // /%09x, a tab once decoded again
        "https://evil.example/",
        "evil.example",
        "",
    };

    public static TheoryData<string, string> GoodReturnUrls => new()
    {
        { "/", "/" },
        { "/resident", "/resident" },
        { "/rounds/5/ballot?saved=1", "/rounds/5/ballot?saved=1" },
        { "/reports?level=2&parent=7", "/reports?level=2&parent=7" },
        { "/signin?returnUrl=%2Fresident", "/signin?returnUrl=%2Fresident" },
        { "/گزارش", "/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4" },
    };

    [Theory]
    [MemberData(nameof(BadReturnUrls))]
    public async Task A_bad_return_url_on_the_language_switch_goes_home(string returnUrl)
    {
        var response = await factory.NewClient().GetAsync($"/culture?culture=en-US&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(GoodReturnUrls))]
    public async Task A_good_return_url_on_the_language_switch_is_kept(string returnUrl, string location)
    {
        var response = await factory.NewClient().GetAsync($"/culture?culture=en-US&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/%09x")]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    public async Task A_bad_return_url_after_staff_sign_in_goes_home(string returnUrl)
    {
        var client = factory.NewClient();
        var response = await client.SubmitAsync($"/signin?returnUrl={returnUrl}", "staff",
            new Dictionary<string, string> { ["Staff.UserName"] = "ministry", ["Staff.Password"] = Infrastructure.Persistence.Seeding.DemoDataSeeder.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The page's redirect is absolute: this site's home.
        Assert.Equal(new Uri("http://localhost/"), new Uri(new Uri("http://localhost/"), response.Headers.Location!));
    }
}
