using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The app as production runs it (the exception handler instead of the developer page) on a demo database of its own,
/// with every log entry kept so a test can find what an error page's correlation id points to.
/// </summary>
public sealed class ProductionWebFactory : SalamWebFactory
{
    public ConcurrentQueue<LogEntry> Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        // This test's own throwaway database: the demo country gives it accounts and data to work with.
        ["Database:SeedDemoData"] = "true",
        ["Hangfire:Server"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(new KeptLogs(Logs)));
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
