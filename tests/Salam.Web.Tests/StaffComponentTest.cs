using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Testing;
using Salam.Web.Common;

namespace Salam.Web.Tests;

/// <summary>A staff component rendered by bUnit over the real application (pipeline, validators, SQLite), signed in as a demo account.</summary>
public abstract class StaffComponentTest : ComponentTest
{
    /// <summary>Where MudBlazor draws open menus, selects and pickers.</summary>
    protected Bunit.IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>Signs the components in as <paramref name="userName"/> and renders the popover and snackbar providers they need.</summary>
    protected async Task SignInAsync(TestApp app, string userName)
    {
        var user = await app.PrincipalOfAsync(userName);
        Services.AddSingleton<TimeProvider>(app.Clock);
        // bUnit's authorization (for <AuthorizeView>) carries the account's own claims, so requests run as that account.
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles([.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        authorization.SetClaims([.. user.Claims.Where(c => c.Type is not ClaimTypes.Role and not ClaimTypes.Name)]);
        Services.AddScoped(sp => new RequestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    /// <summary>Waits for a value the component's save writes (the click returns before the command has run).</summary>
    protected static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"never saw {what}");
    }
}
