using System.Net;
using Microsoft.AspNetCore.Identity;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// An account whose password an administrator set must choose a new one before anything else; any staff member may change theirs
/// at any time. The current password is asked, the new one twice, and a refused change writes nothing.
/// </summary>
public sealed class MustChangePasswordTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string PasswordPage = "/account/password";
    private const string NewPassword = "Pardisan-garden-2026-Qom";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string @new, string? repeat = null) =>
        client.SubmitAsync(PasswordPage, "password", new Dictionary<string, string>
        {
            ["Form.Current"] = current, ["Form.New"] = @new, ["Form.Repeat"] = repeat ?? @new,
        });

    [Fact]
    public async Task An_account_that_must_change_its_password_reaches_nothing_else_until_it_has()
    {
        await factory.ChangeAccountAsync("facilitator.sari", u => u.MustChangePassword = true);
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.sari");

        foreach (var other in new[] { "/", "/facilitator", "/volunteers", "/account/two-factor" })
            Assert.Equal(PasswordPage, (await client.GetAsync(other)).RedirectPath());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        var page = await client.GetStringAsync(PasswordPage);
        Assert.Contains("گذرواژهٔ شما را مدیر سامانه تعیین کرده است", page);

        var changed = await ChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await factory.AccountAsync("facilitator.sari")).MustChangePassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/facilitator")).StatusCode);
        // The new password is the one that signs in now.
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.NewClient().SignInStaffAsync("facilitator.sari")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInStaffAsync("facilitator.sari", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_or_two_different_new_ones_change_nothing()
    {
        await factory.ChangeAccountAsync("agency.qom.municipality", u => u.MustChangePassword = true);
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.municipality");
        var before = await factory.AccountAsync("agency.qom.municipality");

        var wrongCurrent = await ChangeAsync(client, "not-the-password", NewPassword);
        var different = await ChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword, NewPassword + "x");

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Contains("گذرواژهٔ کنونی درست نیست", await wrongCurrent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Contains("دو گذرواژهٔ تازه یکسان نیستند", await different.Content.ReadAsStringAsync());
        var after = await factory.AccountAsync("agency.qom.municipality");
        Assert.True(after.MustChangePassword);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        // A wrong current password counts like one at sign-in.
        Assert.Equal(1, after.AccessFailedCount);
        Assert.Equal(PasswordPage, (await client.GetAsync("/agency")).RedirectPath());
    }

    [Fact]
    public async Task Any_staff_member_may_change_their_password_from_the_menu_and_other_sessions_end()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");
        var other = factory.NewClient();
        await other.SignInStaffAsync("agency.qom.welfare");
        Assert.Contains("href=\"/account/password\"", await client.GetStringAsync("/agency"));
        var stamp = (await factory.AccountAsync("agency.qom.welfare")).SecurityStamp;

        var changed = await ChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(stamp, (await factory.AccountAsync("agency.qom.welfare")).SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);
        Assert.Equal("/signin", (await other.GetAsync("/agency")).RedirectPath());
    }
}
