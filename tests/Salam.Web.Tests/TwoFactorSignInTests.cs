using System.Net;
using Microsoft.AspNetCore.Identity;
using Salam.Domain.Common;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>An enrolled account signs in with its password and then a code from the app, or once with each recovery code.</summary>
public sealed class TwoFactorSignInTests(TwoFactorWebFactory factory) : IClassFixture<TwoFactorWebFactory>
{
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledAsync(string userName)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        return await client.EnrolAsync();
    }

    [Fact]
    public async Task After_the_password_an_enrolled_administrator_needs_the_code_from_the_app()
    {
        var (key, _) = await EnrolledAsync("admin");
        var client = factory.NewClient();

        var password = await client.SignInStaffAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/signin/two-factor", password.RedirectPath());
        // The password alone opens nothing.
        Assert.StartsWith("/signin", (await client.GetAsync("/admin")).RedirectPath());

        var code = await client.EnterSecondStepAsync(Digits.ToPersian(Authenticator.Code(key)));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_counts_towards_the_lockout()
    {
        var (key, _) = await EnrolledAsync("officer.qom");
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var refused = await client.EnterSecondStepAsync(Authenticator.WrongCode(key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, (await factory.AccountAsync("officer.qom")).AccessFailedCount);
        Assert.StartsWith("/signin", (await client.GetAsync("/province")).RedirectPath());
        for (var i = 0; i < 4; i++) await client.EnterSecondStepAsync(Authenticator.WrongCode(key));
        Assert.True(await factory.WithAccountAsync("officer.qom", (users, user) => users.IsLockedOutAsync(user)));
        // Locked: even the right code is refused now.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.EnterSecondStepAsync(Authenticator.Code(key))).StatusCode);
        Assert.StartsWith("/signin", (await client.GetAsync("/province")).RedirectPath());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, codes) = await EnrolledAsync("ministry");
        var first = factory.NewClient();
        await first.SignInStaffAsync("ministry");

        Assert.Equal(HttpStatusCode.Redirect, (await first.EnterSecondStepAsync(codes[3].ToLowerInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/national")).StatusCode);
        Assert.Equal(9, await factory.WithAccountAsync("ministry", (users, user) => users.CountRecoveryCodesAsync(user)));

        var second = factory.NewClient();
        await second.SignInStaffAsync("ministry");
        Assert.Equal(HttpStatusCode.BadRequest, (await second.EnterSecondStepAsync(codes[3])).StatusCode);
        Assert.StartsWith("/signin", (await second.GetAsync("/national")).RedirectPath());
        Assert.Equal(1, (await factory.AccountAsync("ministry")).AccessFailedCount);
    }

    [Fact]
    public async Task The_second_step_without_a_correct_password_first_opens_nothing()
    {
        var client = factory.NewClient();
        var page = await client.GetAsync("/signin/two-factor");
        Assert.Equal("/signin", page.RedirectPath());
    }

    [Fact]
    public async Task New_recovery_codes_or_another_app_need_a_current_code()
    {
        var (key, oldCodes) = await EnrolledAsync("officer.mazandaran");
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.mazandaran");
        await client.EnterSecondStepAsync(Authenticator.Code(key));

        var refused = await client.SubmitAsync(TwoFactorFlows.EnrolmentPage, "change", new Dictionary<string, string> { ["Change.Code"] = Authenticator.WrongCode(key), ["Change.Action"] = "reset" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(key, await factory.WithAccountAsync("officer.mazandaran", (users, user) => users.GetAuthenticatorKeyAsync(user)));

        var renewed = await client.SubmitAsync(TwoFactorFlows.EnrolmentPage, "change", new Dictionary<string, string> { ["Change.Code"] = Authenticator.Code(key), ["Change.Action"] = "codes" });
        var newCodes = Authenticator.RecoveryCodesOn(await renewed.Content.ReadAsStringAsync());
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var reset = await client.SubmitAsync(TwoFactorFlows.EnrolmentPage, "change", new Dictionary<string, string> { ["Change.Code"] = Authenticator.Code(key), ["Change.Action"] = "reset" });
        var newKey = Authenticator.KeyOn(await reset.Content.ReadAsStringAsync());
        Assert.NotEqual(key, newKey);
        // Until the new app is confirmed the officer is held back again, and this session keeps working for that.
        Assert.Equal(TwoFactorFlows.EnrolmentPage, (await client.GetAsync("/province")).RedirectPath());
        Assert.Equal(10, (await client.EnrolAsync()).RecoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/province")).StatusCode);
    }
}
