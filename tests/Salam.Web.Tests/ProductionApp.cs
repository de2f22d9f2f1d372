using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Salam.Web.Tests;

/// <summary>The real web app started as Production on a SQLite file the test chooses (which may not exist yet).</summary>
internal sealed class ProductionApp(string databasePath, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        builder.UseSetting("Hangfire:Server", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new Recorder(Logs)));
    }

    /// <summary>Starts the app and returns why it refused to, or null when it started.</summary>
    public string? StartOrRefusal()
    {
        try
        {
            _ = Services;
            return null;
        }
        catch (Exception exception)
        {
            return string.Join(" | ", Causes(exception).Select(e => e.Message));
        }
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException) yield return e;
    }

    private sealed class Recorder(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);
        public void Dispose() { }
    }

    private sealed class Logger(ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}

/// <summary>A folder of its own for one test's database files, removed afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "salam-tests", Guid.NewGuid().ToString("N"));

    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Plain SQLite on a file, beside the app: what an operator (or a failing disk) does to it.</summary>
internal static class SqliteFile
{
    public static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of the first row, on a connection of its own (never the app's pool).</summary>
    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The file and its WAL companions, as `rm data/salam.db*` would.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) System.IO.File.Delete(file);
    }
}
