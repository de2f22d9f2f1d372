using Npgsql;

namespace Salam.Testing;

/// <summary>
/// A fresh database of its own for one test class, removed afterwards: a SQLite file, or, in the PostgreSQL lane
/// (SALAM_TEST_PROVIDER=PostgreSql, set by test.sh), a database of its own on the server SALAM_TEST_POSTGRES names.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>A PostgreSQL server tests may use (an admin connection string without a database), or null when there is none.</summary>
    public static string? PostgreSqlServerAvailable => Environment.GetEnvironmentVariable("SALAM_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>The PostgreSQL lane's server, or null: the lane is SQLite.</summary>
    public static string? PostgreSqlServer =>
        !string.Equals(Environment.GetEnvironmentVariable("SALAM_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase) ? null
        : PostgreSqlServerAvailable ?? throw new InvalidOperationException("SALAM_TEST_PROVIDER=PostgreSql needs SALAM_TEST_POSTGRES, the server's admin connection string.");

    public static bool OnPostgreSql => PostgreSqlServer is not null;

    private readonly string _name = $"salam_t_{Guid.NewGuid():N}";

    /// <summary>The SQLite file (SQLite-only tests use it in either lane).</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "salam-tests", $"{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public TestDatabase() => Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

    /// <summary>The app settings that put it on this database, in the lane's provider (the app's start creates and migrates it).</summary>
    public IReadOnlyDictionary<string, string?> Settings => PostgreSqlServer is { } server ? PostgreSqlSettings(server) : SqliteSettings;

    /// <summary>The settings of a database of its own on the given PostgreSQL server, in either lane.</summary>
    public IReadOnlyDictionary<string, string?> PostgreSqlSettings(string server)
    {
        _server = server;
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ToString(),
        };
    }

    // The server this database was put on, if any: the one to drop it from.
    private string? _server;

    /// <summary>The settings of the SQLite file, in either lane: for tests of what only a file can do (deleted, made read-only).</summary>
    public IReadOnlyDictionary<string, string?> SqliteSettings => new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = ConnectionString };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
        if (_server is { } server) Drop(server);
    }

    private void Drop(string server)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // FORCE: a host that was not disposed cleanly may still hold a connection.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
