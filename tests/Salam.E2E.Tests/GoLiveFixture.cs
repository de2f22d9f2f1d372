using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Sms;

namespace Salam.E2E.Tests;

/// <summary>
/// Salam as an operator brings it up: a new, empty SQLite file; the first administrator made by the app's own command line
/// (a separate process, the password on standard input); then the app in Production on that file, and Chromium.
/// The SMS gateway is the one stand-in: nothing outside reaches it here, so texts are kept in the development outbox.
/// </summary>
public sealed class GoLiveFixture : IAsyncLifetime
{
    public const string AdminUser = "root";
    public const string AdminPassword = "kooh-e damavand 5610 meters";

    private readonly string _folder = Directory.CreateTempSubdirectory("salam-golive-").FullName;
    private IPlaywright? _playwright;

    public string DatabasePath => Path.Combine(_folder, "salam.db");
    public ProductionApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    public string CreateAdminOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        CreateAdminOutput = await CreateAdminAsync();
        App = new ProductionApp(DatabasePath);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 860 }, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>Reads the app's database, to check what the journey wrote.</summary>
    public async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        using var scope = App.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    /// <summary>The last code texted to a number, as the person would read it on their phone.</summary>
    public string LastCode(string mobile) =>
        System.Text.RegularExpressions.Regex.Match(App.Services.GetRequiredService<DevelopmentSmsSender>().LastTextTo(mobile)
            ?? throw new InvalidOperationException($"No SMS to {mobile}"), "[0-9]{6}").Value;

    /// <summary><c>dotnet Salam.Web.dll create-admin</c>, in Production on the new file, the password typed on standard input.</summary>
    private async Task<string> CreateAdminAsync()
    {
        var (project, dll) = BuildOutput();
        var start = new ProcessStartInfo("dotnet", [dll, "create-admin", "--user", AdminUser, "--name", "مدیر سامانه"])
        {
            WorkingDirectory = project, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={DatabasePath}";
        start.Environment["Database__CreateIfMissing"] = "true";
        start.Environment.Remove("SALAM_ADMIN_PASSWORD");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(AdminPassword);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"create-admin exited {process.ExitCode}: {output} {error}");
        return output;
    }

    // The tests run from tests/Salam.E2E.Tests/bin/<Configuration>/<tfm>/; the app's build is Salam.Web/bin/<Configuration>/<tfm>/.
    private static (string Project, string Dll) BuildOutput()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var project = Path.Combine(repository, "Salam.Web");
        return (project, Path.Combine(project, "bin", configuration, framework, "Salam.Web.dll"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>The app in Production on the operator's file: no demo data, no seeding, the configuration's defaults otherwise.</summary>
    public sealed class ProductionApp(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
            builder.UseSetting("Hangfire:Server", "false");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<DevelopmentSmsSender>();
                services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<DevelopmentSmsSender>());
                services.AddSingleton<ISmsSender, ImmediateSmsSender>();
            });
        }
    }
}
