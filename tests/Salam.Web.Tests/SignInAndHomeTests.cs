using System.Net;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

public sealed class SignInAndHomeTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await factory.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await factory.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_is_persian_and_right_to_left_by_default_and_english_when_chosen()
    {
        var client = factory.NewClient();
        var persian = await client.GetStringAsync("/signin");
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", persian);
        Assert.Contains("ورود ساکنان محله", persian);

        var switched = await client.GetAsync("/culture?culture=en-US&returnUrl=/signin");
        Assert.Equal("/signin", switched.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync("/signin");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english);
        Assert.Contains("Residents: sign in", english);
    }

    [Theory]
    [InlineData("facilitator.pardisan", "/facilitator", "مرکز مثبت زندگی پردیسان")]
    [InlineData("agency.qom.welfare", "/agency", "اداره کل بهزیستی استان قم")]
    [InlineData("officer.qom", "/province", "کهک")]
    [InlineData("ministry", "/national", "مازندران")]
    [InlineData("admin", "/admin", "/jobs")]
    public async Task Each_staff_role_lands_on_its_own_home_with_data_from_its_scope(string userName, string home, string expected)
    {
        var client = factory.NewClient();
        var signedIn = await client.SignInStaffAsync(userName);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var landing = await client.GetAsync("/");
        Assert.Equal(home, landing.Headers.Location!.AbsolutePath);
        var html = await client.FollowAsync(landing);
        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task A_facilitator_does_not_see_the_neighbourhoods_of_another_centre()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");
        var html = await client.GetStringAsync("/facilitator");
        Assert.DoesNotContain("صفاشهر", html);
    }

    [Fact]
    public async Task A_resident_signs_in_with_a_texted_code_and_sees_their_neighbourhood_and_open_round()
    {
        var client = factory.NewClient();
        var entered = await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);

        var html = await client.FollowAsync(await client.GetAsync("/"));
        Assert.Contains("پردیسان", html);
        Assert.Contains("اولویت‌بندی نیازهای پاییز", html);
        // The resident page is a plain server-rendered form page: no interactive circuit is opened for it.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_a_clear_message()
    {
        var client = factory.NewClient();
        await client.RequestCodeAsync("09120000002");
        var wrong = SignInFlows.LastCode(factory, "09120000002") == "000000" ? "111111" : "000000";
        var response = await client.EnterCodeAsync("09120000002", wrong);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("کد ورود درست نیست", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/resident")).StatusCode);
    }

    [Fact]
    public async Task A_number_not_registered_to_any_resident_cannot_sign_in()
    {
        var client = factory.NewClient();
        await client.RequestCodeAsync("09359999999");
        var response = await client.EnterCodeAsync("09359999999", SignInFlows.LastCode(factory, "09359999999"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("مرکز مثبت زندگی", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_mobile_number_is_refused_with_a_clear_message()
    {
        var response = await factory.NewClient().RequestCodeAsync("12345");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("شماره همراه معتبر نیست", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/facilitator")]
    [InlineData("/agency")]
    [InlineData("/province")]
    [InlineData("/national")]
    [InlineData("/admin")]
    public async Task A_resident_is_refused_every_staff_page(string page)
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000003");
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("agency.qom.welfare", "/facilitator")]
    [InlineData("facilitator.pardisan", "/national")]
    [InlineData("officer.qom", "/agency")]
    [InlineData("ministry", "/admin")]
    [InlineData("admin", "/resident")]
    public async Task Staff_are_refused_the_pages_of_other_roles(string userName, string page)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
    }
}
