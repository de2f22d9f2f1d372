using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Salam.Web.Tests.Operations;

/// <summary>
/// <c>dotnet run --no-launch-profile</c> in Production, as an operator tries it: the app's own build output started as a process
/// from the project folder. Static web assets (MudBlazor's files, the framework's script) are a Development feature by default.
/// </summary>
public sealed partial class ProductionFromBuildTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_production_start_from_the_build_serves_the_library_files_and_the_framework_script()
    {
        var (project, dll) = BuildOutput();
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={_folder.File("salam.db")}";
        start.Environment["Database__CreateIfMissing"] = "true";
        start.Environment["Hangfire__Server"] = "false";
        using var app = Process.Start(start)!;
        try
        {
            var address = await ListeningAddressAsync(app);
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            foreach (var path in new[] { "/_content/MudBlazor/MudBlazor.min.css", "/_framework/blazor.web.js", "/signin" })
                Assert.Equal((path, HttpStatusCode.OK), (path, (await client.GetAsync(path)).StatusCode));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/sms")).StatusCode);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task<string> ListeningAddressAsync(Process app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await app.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (Listening().Match(line) is { Success: true } match)
            {
                // Keep reading what the app logs, so a full pipe never stalls it.
                _ = app.StandardOutput.ReadToEndAsync();
                _ = app.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        throw new InvalidOperationException("The app stopped before listening: " + await app.StandardError.ReadToEndAsync());
    }

    // The test runs from tests/Salam.Web.Tests/bin/<Configuration>/<tfm>/; the app's build is Salam.Web/bin/<Configuration>/<tfm>/.
    private static (string Project, string Dll) BuildOutput()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var project = Path.Combine(repository, "Salam.Web");
        var dll = Path.Combine(project, "bin", configuration, framework, "Salam.Web.dll");
        Assert.True(File.Exists(dll), $"the app's build output {dll} exists");
        return (project, dll);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
