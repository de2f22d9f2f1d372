using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Application.Common.Localization;
using Salam.Infrastructure.Identity;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.StaffAccounts;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The staff page, rendered by bUnit over the real application: the officer's list, a refused form, and a reset's one-time password.</summary>
public sealed class StaffPageTests : ComponentTest
{
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private async Task<IRenderedComponent<StaffPage>> RenderAsAsync(TestApp app, string userName)
    {
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(await app.PrincipalOfAsync(userName)));
        Services.AddScoped(sp => new RequestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".staff-row")));
        return page;
    }

    [Fact]
    public async Task An_officer_sees_their_provinces_facilitators_and_managers_with_their_scope_and_the_form_refuses_bad_input_in_persian()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var page = await RenderAsAsync(app, "officer.qom");

        var names = page.FindAll(".staff-user-name").Select(n => n.TextContent).Order().ToList();
        Assert.Equal(["agency.qom.municipality", "agency.qom.welfare", "facilitator.pardisan"], names);
        Assert.Contains("مرکز مثبت زندگی پردیسان", page.Markup);
        Assert.DoesNotContain("facilitator.sari", page.Markup);

        var accounts = await app.ReadAsync(db => db.Users.CountAsync());
        await page.ClickAsync(".staff-new");
        await page.ChangeAsync(".staff-form-user-name input", "۱ab");
        await page.ChangeAsync(".staff-form-mobile input", "۰۹۱۲");
        await page.ClickAsync(".staff-form-save");

        page.WaitForAssertion(() => Assert.Contains(Text.Get("Staff.UserNameInvalid"), page.Markup));
        Assert.Contains(Text.Get("Mobile.Invalid"), page.Markup);
        Assert.Contains(Text.Get("Staff.FullNameRequired"), page.Markup);
        Assert.Contains(Text.Get("Staff.Scope.Facilitator"), page.Markup); // no centre chosen
        Assert.Equal(accounts, await app.ReadAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_reset_shows_the_temporary_password_once_and_it_opens_the_account()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var page = await RenderAsAsync(app, "admin");
        var facilitator = (await app.ReadAsync(db => db.Users.SingleAsync(u => u.UserName == "facilitator.pardisan"))).Id;
        Assert.Empty(page.FindAll(".staff-temporary-password"));

        page.Find($"[data-account='{facilitator}'] .staff-reset").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".staff-temporary-password")));
        var password = page.Find(".staff-password code").TextContent;
        Assert.Contains("facilitator.pardisan", page.Find(".staff-temporary-password").TextContent);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByNameAsync("facilitator.pardisan"))!;
        Assert.True(await users.CheckPasswordAsync(account, password));
        Assert.True(account.MustChangePassword);
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-account='{facilitator}']")));
        Assert.NotEmpty(page.FindAll(".staff-must-change"));
    }
}
