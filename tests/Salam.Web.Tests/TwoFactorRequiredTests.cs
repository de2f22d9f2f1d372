using System.Net;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// A role that requires two-factor sign-in and has not enrolled gets a session that opens only the enrolment page: no staff page,
/// no export, no interactive circuit, no form post elsewhere. Roles that do not require it are not held back.
/// </summary>
public sealed class TwoFactorRequiredTests(TwoFactorWebFactory factory) : IClassFixture<TwoFactorWebFactory>
{
    [Fact]
    public async Task An_officer_who_has_not_enrolled_is_sent_to_enrolment_from_every_other_page()
    {
        var client = factory.NewClient();
        var signedIn = await client.SignInStaffAsync("officer.mazandaran");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var page in new[] { "/", "/province", "/province/escalations", "/reports", "/staff", "/centres", "/account/password", "/jobs" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} answered {response.StatusCode}");
            Assert.Equal(TwoFactorFlows.EnrolmentPage, response.RedirectPath());
        }
        var export = await client.GetAsync("/reports/export.csv?level=2");
        Assert.Equal(TwoFactorFlows.EnrolmentPage, export.RedirectPath());
        Assert.DoesNotContain("text/csv", export.Content.Headers.ContentType?.ToString() ?? "");
        // The interactive circuit cannot be opened, and no form elsewhere takes a post.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/agency/import", new FormUrlEncodedContent([]))).StatusCode);

        var enrolment = await client.GetAsync(TwoFactorFlows.EnrolmentPage);
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        var html = await enrolment.Content.ReadAsStringAsync();
        // The QR code is drawn by the server as an image (the CSP allows data: images; no script draws it).
        var qr = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("img.salam-qr")?.GetAttribute("src") ?? "";
        Assert.StartsWith("data:image/svg+xml;base64,", qr);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..])));
        Assert.Matches("^[A-Z2-7]{32}$", Authenticator.KeyOn(html));
        // What the page needs still loads: the framework's script and the language switch.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture?culture=en-US&returnUrl=/account/two-factor")).StatusCode);
    }

    [Fact]
    public async Task After_enrolling_the_officer_reaches_their_pages_and_the_export()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/province")).StatusCode);

        var (_, codes) = await client.EnrolAsync();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/province")).StatusCode);
        var export = await client.GetAsync("/reports/export.csv?level=2");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/csv", export.Content.Headers.ContentType!.ToString());
        var account = await factory.AccountAsync("officer.qom");
        Assert.True(account.TwoFactorEnabled);
        // Shown once: the page read again says how many are left but lists none.
        var again = await client.GetStringAsync(TwoFactorFlows.EnrolmentPage);
        Assert.Empty(Authenticator.RecoveryCodesOn(again));
    }

    [Theory]
    [InlineData("facilitator.pardisan", "/facilitator")]
    [InlineData("agency.qom.welfare", "/agency")]
    public async Task A_role_that_does_not_require_it_is_not_held_back(string userName, string home)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home)).StatusCode);
        Assert.False((await factory.AccountAsync(userName)).TwoFactorEnabled);
    }

    [Fact]
    public async Task A_wrong_code_enrols_nothing_and_the_session_stays_held_back()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        var key = Authenticator.KeyOn(await client.GetStringAsync(TwoFactorFlows.EnrolmentPage));

        var refused = await client.SubmitAsync(TwoFactorFlows.EnrolmentPage, "confirm", new Dictionary<string, string> { ["Confirm.Code"] = Authenticator.WrongCode(key) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(Authenticator.RecoveryCodesOn(await refused.Content.ReadAsStringAsync()));
        var account = await factory.AccountAsync("ministry");
        Assert.False(account.TwoFactorEnabled);
        Assert.Equal(1, account.AccessFailedCount);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/national")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_who_must_change_the_password_does_so_first_and_then_enrols()
    {
        await factory.ChangeAccountAsync("admin", u => u.MustChangePassword = true);
        var client = factory.NewClient();
        await client.SignInStaffAsync("admin");
        Assert.Equal("/account/password", (await client.GetAsync(TwoFactorFlows.EnrolmentPage)).RedirectPath());

        await client.SubmitAsync("/account/password", "password", new Dictionary<string, string>
        {
            ["Form.Current"] = Salam.Infrastructure.Persistence.Seeding.DemoDataSeeder.DemoPassword,
            ["Form.New"] = "Pardisan-garden-2026-Qom", ["Form.Repeat"] = "Pardisan-garden-2026-Qom",
        });

        Assert.Equal(TwoFactorFlows.EnrolmentPage, (await client.GetAsync("/admin")).RedirectPath());
        await client.EnrolAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
