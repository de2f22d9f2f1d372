using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Signing out ends the session for good, and only the layout's own form (with its antiforgery token) can do it.</summary>
public sealed class SignOutTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string SessionCookie = ".AspNetCore.Identity.Application";
    private static readonly Uri Site = new("http://localhost/");

    private (HttpClient Client, CookieContainer Jar) NewBrowser()
    {
        var jar = new CookieContainer();
        return (factory.CreateDefaultClient(new CookieContainerHandler(jar)), jar);
    }

    /// <summary>Posts the sign-out form of a page's layout, with what the form itself carries.</summary>
    private static async Task<HttpResponseMessage> SignOutThroughTheLayoutAsync(HttpClient client, string pageUrl)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/signout']") ?? throw new InvalidOperationException($"No sign-out form on {pageUrl}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']").ToDictionary(i => i.Name!, i => i.Value);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        return await client.PostAsync("/signout", new FormUrlEncodedContent(fields));
    }

    [Theory]
    [InlineData("facilitator.pardisan", "/facilitator")]
    [InlineData("ministry", "/national")]
    public async Task After_sign_out_a_kept_copy_of_the_staff_cookie_is_sent_to_sign_in(string userName, string staffPage)
    {
        var (client, jar) = NewBrowser();
        await client.SignInStaffAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(staffPage)).StatusCode);
        var kept = jar.GetCookies(Site)[SessionCookie] ?? throw new InvalidOperationException("No session cookie after sign-in");

        var signedOut = await SignOutThroughTheLayoutAsync(client, staffPage);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);

        var (replay, replayJar) = NewBrowser();
        replayJar.Add(Site, new Cookie(kept.Name, kept.Value, "/"));
        var response = await replay.GetAsync(staffPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_sign_out_post_without_its_token_is_refused_and_the_session_stays()
    {
        var (client, _) = NewBrowser();
        await client.SignInStaffAsync("officer.qom");

        var refused = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/province")).StatusCode);
    }

    [Fact]
    public async Task A_sign_out_post_with_a_token_of_another_session_is_refused_and_the_session_stays()
    {
        var (other, _) = NewBrowser();
        var foreignToken = new HtmlParser().ParseDocument(await other.GetStringAsync("/signin"))
            .QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var (client, _) = NewBrowser();
        await client.SignInStaffAsync("officer.qom");

        var refused = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = foreignToken }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/province")).StatusCode);
    }

    [Fact]
    public async Task A_resident_signs_out_through_the_plain_layout_form()
    {
        var (client, jar) = NewBrowser();
        await client.SignInResidentAsync(factory, "09120000011");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/resident")).StatusCode);

        var signedOut = await SignOutThroughTheLayoutAsync(client, "/resident");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null(jar.GetCookies(Site)[SessionCookie]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/resident")).StatusCode);
    }
}
