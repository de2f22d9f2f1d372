using System.Net;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// A staff member's own e-mail address and message language on /account/contact: a plain form (no script needed), linked from the
/// password page, refusing a bad address in the reader's language and writing nothing then; residents cannot open it.
/// </summary>
public sealed class StaffContactPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string ContactPage = "/account/contact";

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string email, string language) =>
        client.SubmitAsync(ContactPage, "contact", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Language"] = language });

    [Fact]
    public async Task A_manager_sets_an_address_and_english_and_the_page_shows_them_back()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");
        Assert.Contains($"href=\"{ContactPage}\"", await client.GetStringAsync("/account/password"));
        Assert.Contains("رایانامه و زبان پیام‌ها", await client.GetStringAsync(ContactPage));

        var saved = await SaveAsync(client, " welfare@qom.example ", Languages.English);

        Assert.Equal($"{ContactPage}?done=saved", saved.RedirectPath() + saved.Headers.Location?.Query);
        var account = await factory.AccountAsync("agency.qom.welfare");
        Assert.Equal(("welfare@qom.example", Languages.English), (account.Email, account.Language));
        var page = await client.FollowAsync(saved);
        Assert.Contains("value=\"welfare@qom.example\"", page);
        Assert.Contains("نشانی و زبان پیام‌ها ذخیره شد", page);
    }

    [Theory]
    [InlineData("fa-IR", "نشانی رایانامه درست نیست")]
    [InlineData("en-US", "The e-mail address is not valid")]
    public async Task A_bad_address_is_refused_in_the_readers_language_and_nothing_changes(string culture, string message)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");
        await client.GetAsync($"/culture?culture={culture}&returnUrl={ContactPage}");
        var before = await factory.AccountAsync("facilitator.pardisan");

        var refused = await SaveAsync(client, "<script>alert(1)</script>", Languages.English);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("<script>alert(1)</script>", html); // the typed text is encoded back into the field
        var after = await factory.AccountAsync("facilitator.pardisan");
        Assert.Equal((before.Email, before.Language, before.ConcurrencyStamp), (after.Email, after.Language, after.ConcurrencyStamp));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await factory.NewClient().GetAsync(ContactPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.RedirectPath(), StringComparison.OrdinalIgnoreCase);
    }
}
