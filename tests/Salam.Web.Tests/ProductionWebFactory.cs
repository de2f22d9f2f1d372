using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Identity;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The app as production runs it (the exception handler instead of the developer page) on a new, empty database of its own
/// (production never holds the demo country), with every log entry kept so a test can find what an error page's correlation id points to.
/// </summary>
public sealed class ProductionWebFactory : SalamWebFactory
{
    public ConcurrentQueue<LogEntry> Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:SeedDemoData"] = "false",
        ["Database:CreateIfMissing"] = "true",
        ["Hangfire:Server"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(new KeptLogs(Logs)));
    }

    public const string ManagerPassword = "Production-Manager-1405";

    /// <summary>An agency with a manager who signs in with <see cref="ManagerPassword"/>: what an operator would have set up.</summary>
    public async Task<string> AddAgencyManagerAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var agency = new Agency("ادارهٔ آزمایشی", "Test directorate", AgencyKind.Welfare, null);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var userName = $"manager.{agency.Id}";
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>()
            .CreateAsync(new ApplicationUser { UserName = userName, FullName = "مدیر آزمایشی", Role = Role.AgencyManager, AgencyId = agency.Id }, ManagerPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        return userName;
    }

    /// <summary>Runs a statement on the app's database, e.g. to take away a table so that what reads it fails as a broken database would.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(scope.ServiceProvider.GetRequiredService<SalamDbContext>().Database, sql);
    }

    public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class KeptLogs(ConcurrentQueue<LogEntry> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs, categoryName);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<LogEntry> logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) logs.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
