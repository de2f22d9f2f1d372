using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Salam.Application;
using Salam.Domain.People;
using Salam.Infrastructure;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Web.Operations;

namespace Salam.Web.Tests.Operations;

/// <summary>One run of the real operator entry point in Production on a given SQLite file, with its console captured.</summary>
internal sealed record OperatorRun(int ExitCode, string Output, string Error)
{
    public static async Task<OperatorRun> RunAsync(string databasePath, string[] args, string? stdin = null,
        IDictionary<string, string?>? environment = null, params string[] settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new OperatorConsole(new StringReader(stdin ?? ""), output, error,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, InputIsTerminal: false);
        string[] all = [.. args, "--environment", "Production", $"--ConnectionStrings:Sqlite=Data Source={databasePath}", .. settings];
        var code = await OperatorCommandLine.RunAsync(all, console);
        return new OperatorRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>The database afterwards, read through the app's own Identity (as a sign-in would).</summary>
internal sealed class OperatorDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OperatorDatabase(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={path}",
            ["Hangfire:Server"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration, new Production());
        _services = services.BuildServiceProvider();
    }

    public async Task<T> ReadAsync<T>(Func<SalamDbContext, UserManager<ApplicationUser>, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>True when the account exists and the password opens it (UserManager.CheckPasswordAsync, as the sign-in page does).</summary>
    public Task<bool> SignsInAsync(string userName, string password) => ReadAsync(async (_, users) =>
        await users.FindByNameAsync(userName) is { Role: Role.Admin } user && await users.CheckPasswordAsync(user, password));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Salam.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
