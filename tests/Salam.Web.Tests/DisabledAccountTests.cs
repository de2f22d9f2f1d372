using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// What the sign-in pages say to a disabled account (Identity answers NotAllowed for it): the reason only after the right
/// password, and no way round it through the second step.
/// </summary>
public sealed class DisabledAccountTests(DisabledAccountTests.Factory factory) : IClassFixture<DisabledAccountTests.Factory>
{
    private const string DisabledText = "این حساب نمی‌تواند وارد شود";

    /// <summary>
    /// Two-factor required, and disabled accounts answered NotAllowed the way Identity does for an unconfirmed account. The staff
    /// accounts work makes sign-in refuse disabled accounts; this stands in for it so these pages are tested on their own.
    /// </summary>
    public sealed class Factory : TwoFactorWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedAccount = true);
                services.AddScoped<IUserConfirmation<ApplicationUser>, NotDisabled>();
            });
        }

        private sealed class NotDisabled : IUserConfirmation<ApplicationUser>
        {
            public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(!user.IsDisabled);
        }
    }

    [Fact]
    public async Task A_disabled_account_is_told_so_only_after_its_right_password()
    {
        await factory.ChangeAccountAsync("facilitator.pardisan", u => u.IsDisabled = true);

        var right = await factory.NewClient().SignInStaffAsync("facilitator.pardisan");
        var wrong = await factory.NewClient().SignInStaffAsync("facilitator.pardisan", "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains(DisabledText, await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.DoesNotContain(DisabledText, wrongPage);
        Assert.Contains("نام کاربری یا گذرواژه درست نیست", wrongPage);
    }

    [Fact]
    public async Task An_account_disabled_between_the_two_steps_cannot_finish_with_a_recovery_code()
    {
        var enrolling = factory.NewClient();
        await enrolling.SignInStaffAsync("ministry");
        var (_, codes) = await enrolling.EnrolAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        await factory.ChangeAccountAsync("ministry", u => u.IsDisabled = true);

        var refused = await client.EnterSecondStepAsync(codes[0]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(DisabledText, await refused.Content.ReadAsStringAsync());
        Assert.Equal(10, await factory.WithAccountAsync("ministry", (users, user) => users.CountRecoveryCodesAsync(user)));
        Assert.Equal("/signin", (await client.GetAsync("/national")).RedirectPath());
    }
}
