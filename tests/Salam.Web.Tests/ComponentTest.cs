using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>bUnit with what Salam's components need: MudBlazor, localization, the formatting service, loose JS interop.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<DisplayFormat>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected static void Use(string culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
