using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Application.Common.Localization;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.StaffAccounts;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The staff form's e-mail field over the real application: shown filled when an account is changed, a bad address refused, a good one saved.</summary>
public sealed class StaffPageEmailTests : ComponentTest
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

    [Theory]
    [InlineData(Cultures.Persian)]
    [InlineData(Cultures.English)]
    public async Task An_officer_gives_a_manager_an_address_a_bad_one_is_refused_in_the_readers_language_and_writes_nothing(string culture)
    {
        Use(culture);
        await using var app = await TestApp.StartAsync();
        var manager = await app.ReadAsync(db => db.Users.Where(u => u.UserName == "agency.qom.municipality").Select(u => u.Id).SingleAsync());
        var page = await RenderAsAsync(app, "officer.qom");

        page.Find($"[data-account='{manager}'] .staff-change").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".staff-form-email input")));
        Assert.Equal("", page.Find(".staff-form-email input").GetAttribute("value") ?? "");
        await page.ChangeAsync(".staff-form-email input", "<img src=x onerror=alert(1)>");
        await page.ClickAsync(".staff-form-save");

        page.WaitForAssertion(() => Assert.Contains(Text.Get("Staff.EmailInvalid"), page.Markup));
        Assert.Empty(page.FindAll("img[src='x']")); // the typed text stays the field's value, never markup
        Assert.Null(await app.ReadAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.Email).SingleAsync()));

        await page.ChangeAsync(".staff-form-email input", "municipality@qom.example");
        await page.ClickAsync(".staff-form-save");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".staff-form-email")));
        Assert.Equal("municipality@qom.example", await app.ReadAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.Email).SingleAsync()));
        page.Find($"[data-account='{manager}'] .staff-change").Click();
        page.WaitForAssertion(() => Assert.Equal("municipality@qom.example", page.Find(".staff-form-email input").GetAttribute("value")));
    }
}
