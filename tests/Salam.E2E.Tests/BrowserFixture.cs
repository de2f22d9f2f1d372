using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>The real app on a real Kestrel port, and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<string>> _cspViolations = new();

    public BrowserFixture() : this(new SalamWebFactory()) { }

    /// <summary>For a journey that needs the app built otherwise, e.g. on a clock it can move (MeetingJourneyTests).</summary>
    protected BrowserFixture(SalamWebFactory app) => App = app;

    public SalamWebFactory App { get; }
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land beside the test assembly, under screenshots/.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, as every journey drives it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("SALAM_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    public async Task<IPage> NewPageAsync(string? culture = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 }, BaseURL = BaseUrl });
        // Chromium reports each Content-Security-Policy refusal on the console, for every tab of the context.
        var violations = _cspViolations.GetOrAdd(context, _ => new());
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue($"{message.Location}: {message.Text}");
        };
        var page = await context.NewPageAsync();
        if (culture is not null) await page.GotoAsync($"/culture?culture={culture}&returnUrl=/signin");
        return page;
    }

    /// <summary>What the browser refused under the app's Content-Security-Policy in this page's context (its tabs included).</summary>
    public IReadOnlyCollection<string> CspViolations(IPage page) =>
        _cspViolations.TryGetValue(page.Context, out var violations) ? [.. violations] : [];

    /// <summary>Reads the app's own database, for what a journey needs to know beforehand or to check afterwards.</summary>
    public async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        using var scope = App.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
