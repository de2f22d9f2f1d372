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
    public async Task A_number_of_no_resident_is_answered_exactly_like_a_residents_and_is_texted_nothing()
    {
        const string resident = "09120000009", stranger = "09359999998";
        var textsBefore = factory.Sms.Recent().Count(s => s.Mobile == resident);
        var (residentClient, strangerClient) = (factory.NewClient(), factory.NewClient());

        var residentAsked = await residentClient.RequestCodeAsync(resident);
        var strangerAsked = await strangerClient.RequestCodeAsync(stranger);

        Assert.Equal(HttpStatusCode.Redirect, residentAsked.StatusCode);
        Assert.Equal(residentAsked.StatusCode, strangerAsked.StatusCode);
        Assert.Equal(residentAsked.Headers.Location!.OriginalString.Replace(resident, "N"), strangerAsked.Headers.Location!.OriginalString.Replace(stranger, "N"));
        Assert.Equal(Visible(await residentAsked.Content.ReadAsStringAsync(), resident), Visible(await strangerAsked.Content.ReadAsStringAsync(), stranger));
        Assert.Equal(await VisibleTextAsync(residentClient, residentAsked, resident), await VisibleTextAsync(strangerClient, strangerAsked, stranger));

        // Only the resident was texted; the stranger's number got nothing.
        Assert.Equal(textsBefore + 1, factory.Sms.Recent().Count(s => s.Mobile == resident));
        Assert.DoesNotContain(factory.Sms.Recent(), s => s.Mobile == stranger);
        var code = SignInFlows.LastCode(factory, resident);

        // A guessed code is refused alike for both, and the stranger stays signed out.
        var guess = code == "000000" ? "111111" : "000000";
        var residentGuessed = await residentClient.EnterCodeAsync(resident, guess);
        var strangerGuessed = await strangerClient.EnterCodeAsync(stranger, guess);
        Assert.Equal(HttpStatusCode.BadRequest, strangerGuessed.StatusCode);
        Assert.Equal(residentGuessed.StatusCode, strangerGuessed.StatusCode);
        Assert.Equal(await VisibleTextAsync(residentClient, residentGuessed, resident), await VisibleTextAsync(strangerClient, strangerGuessed, stranger));
        Assert.Contains("کد ورود درست نیست", await strangerGuessed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await strangerClient.GetAsync("/resident")).StatusCode);

        // The resident's own code still signs them in.
        Assert.Equal(HttpStatusCode.Redirect, (await residentClient.EnterCodeAsync(resident, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await residentClient.GetAsync("/resident")).StatusCode);
    }

    /// <summary>What the person sees at the end of the redirects, with their own number taken out.</summary>
    private static async Task<string> VisibleTextAsync(HttpClient client, HttpResponseMessage response, string mobile) =>
        Visible(await client.FollowAsync(response), mobile);

    private static string Visible(string html, string mobile)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        // Scripts carry per-request tokens, not anything shown.
        foreach (var script in document.QuerySelectorAll("script").ToList()) script.Remove();
        var text = document.Body!.TextContent;
        return Salam.Domain.Common.Digits.ToLatin(text).Replace(mobile, "N");
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
