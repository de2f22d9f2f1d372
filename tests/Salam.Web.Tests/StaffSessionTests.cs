using System.Net;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Over HTTP: the staff page is the administrator's and officers' only, and a disabled account neither signs in nor keeps its open session.</summary>
public sealed class StaffSessionTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private Task<int> AsAdminAsync(IMessage request) => WithScopeAsync(async services =>
    {
        var admin = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("admin");
        services.GetRequiredService<CurrentUser>().Use(await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(admin!));
        await services.GetRequiredService<ISender>().Send(request);
        return 0;
    });

    [Fact]
    public async Task An_officer_opens_the_staff_page_and_other_staff_are_refused_it()
    {
        var officer = factory.NewClient();
        await officer.SignInStaffAsync("officer.qom");
        var html = await officer.GetStringAsync("/staff");
        Assert.Contains("حساب‌های کارکنان", html);
        Assert.Contains("facilitator.pardisan", html);
        Assert.DoesNotContain("facilitator.sari", html);

        foreach (var userName in new[] { "facilitator.pardisan", "ministry", "agency.qom.welfare" })
        {
            var client = factory.NewClient();
            await client.SignInStaffAsync(userName);
            var response = await client.GetAsync("/staff");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_and_cannot_sign_in_again()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.municipality");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);
        var id = await WithScopeAsync(async s => (await s.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("agency.qom.municipality"))!.Id);

        await AsAdminAsync(new DisableStaffAccount(id));

        var stale = await client.GetAsync("/agency");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/signin", stale.Headers.Location!.PathAndQuery);
        var again = await factory.NewClient().SignInStaffAsync("agency.qom.municipality");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        await AsAdminAsync(new EnableStaffAccount(id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync("agency.qom.municipality")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_of_a_disabled_account_is_refused_even_with_its_stamp_unchanged()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);

        // Disabled behind the application's back (by hand in the database, say): the stamp stays, the flag alone must end the session.
        await WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync("agency.qom.welfare"))!;
            var stamp = user.SecurityStamp;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            Assert.Equal(stamp, (await users.FindByNameAsync("agency.qom.welfare"))!.SecurityStamp);
            return 0;
        });
        try
        {
            var stale = await client.GetAsync("/agency");
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.StartsWith("/signin", stale.Headers.Location!.PathAndQuery);
        }
        finally
        {
            await WithScopeAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<ApplicationUser>>();
                var user = (await users.FindByNameAsync("agency.qom.welfare"))!;
                user.IsDisabled = false;
                await users.UpdateAsync(user);
                return 0;
            });
        }
    }
}
