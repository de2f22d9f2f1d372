using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salam.Application;
using Salam.Domain.People;
using Salam.Infrastructure;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;

namespace Salam.Testing;

/// <summary>
/// The real application and infrastructure (pipeline, validators, EF Core, Identity) on a fresh database (SQLite, or
/// PostgreSQL in that lane: see <see cref="TestDatabase"/>),
/// with a hand-moved clock. One per test class.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TestDatabase _database = new();

    public ServiceProvider Services { get; }
    public ManualClock Clock { get; }

    private TestApp(ManualClock clock, bool seedDemoData, IDictionary<string, string?>? settings, Action<IServiceCollection>? configure, bool onSqliteFile)
    {
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = seedDemoData.ToString(),
            ["Hangfire:Server"] = "false",
        }.Concat(onSqliteFile ? _database.SqliteSettings : _database.Settings).Concat(settings ?? new Dictionary<string, string?>())).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration, new TestEnvironment());
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Migrates a fresh database and, by default, seeds the demo country as the app does on first run.
    /// <paramref name="configure"/> adds to the real services, e.g. a fault to inject. <paramref name="onSqliteFile"/> keeps a test
    /// of what only a SQLite file can do (copied, deleted) on SQLite in the PostgreSQL lane too.
    /// </summary>
    public static async Task<TestApp> StartAsync(bool seedDemoData = true, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, bool onSqliteFile = false)
    {
        var app = new TestApp(new ManualClock(now ?? DateTimeOffset.UtcNow), seedDemoData, settings, configure, onSqliteFile);
        await app.Services.InitialiseDatabaseAsync();
        return app;
    }

    /// <summary>Sends a request through the real pipeline as the given person, in a scope of its own (as a page does).</summary>
    public async Task<T> SendAsync<T>(ClaimsPrincipal user, IMessage request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(user);
        return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send((object)request))!;
    }

    /// <summary>Reads the database directly, to check what a request did or did not write.</summary>
    public async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    /// <summary>The principal a demo account gets at sign-in, made by the app's own claims factory.</summary>
    public async Task<ClaimsPrincipal> PrincipalOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo account {userName}");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    /// <summary>The principal of a registered resident, signing them in for the first time if needed.</summary>
    public async Task<ClaimsPrincipal> ResidentPrincipalAsync(string mobile)
    {
        await using var scope = Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<ResidentAccounts>().FindOrCreateAsync(MobileNumber.Parse(mobile), CancellationToken.None)
            ?? throw new InvalidOperationException($"No resident {mobile}");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _database.Dispose();
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Salam.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
