using Npgsql;

namespace Salam.E2E.Tests;

/// <summary>
/// The database the nodes share: a PostgreSQL database of its own per test (a copy of the seeded template, which takes
/// a second), dropped at the end. The test reads it over its own connections, never through a node.
/// </summary>
public sealed class TwoNodesDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TwoNodesDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What the nodes are given (pooled, as in production).</summary>
    public string ConnectionString { get; }

    /// <summary>An empty database, or a copy of <paramref name="template"/> (no one may be connected to the template).</summary>
    public static async Task<TwoNodesDatabase> CreateAsync(string admin, string? template = null)
    {
        var database = new TwoNodesDatabase(admin, $"salam_nodes_{Guid.NewGuid():N}");
        await database.AdminAsync($"CREATE DATABASE \"{database.Name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""));
        return database;
    }

    /// <summary>A connection of the test's own, unpooled, so nothing of the test's lingers on the database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row, each as its columns' values in text (figures compared as the database prints them).</summary>
    public async Task<List<string[]>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        return rows;
    }

    /// <summary>
    /// Takes a table lock in a transaction of the test's own and keeps it until the returned handle is disposed (committed):
    /// whatever a node does that needs a conflicting lock waits meanwhile, deterministically.
    /// </summary>
    public async Task<IAsyncDisposable> HoldLockAsync(string table, string mode)
    {
        var connection = await OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE \"{table}\" IN {mode} MODE", connection, transaction)) await command.ExecuteNonQueryAsync();
        return new Held(connection, transaction);
    }

    /// <summary>Waits until the condition (a count query) reaches the value, or fails saying what it was waiting for.</summary>
    public async Task WaitUntilAsync(string what, string countSql, long atLeast, TimeSpan timeout, Func<string>? diagnostics = null, params (string Name, object Value)[] parameters)
    {
        var until = DateTime.UtcNow + timeout;
        long seen;
        while ((seen = await ScalarAsync<long>(countSql, parameters)) < atLeast)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {timeout} for {what}: {seen} of {atLeast}.\n{diagnostics?.Invoke()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Backends of other sessions waiting for a lock on the table (pg_locks), e.g. a node's statement held back by the test.</summary>
    public string WaitingOn(string table) => $"""
        SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_database d ON d.oid = l.database
        WHERE c.relname = '{table}' AND d.datname = '{Name}' AND NOT l.granted
        """;

    public async ValueTask DisposeAsync() => await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");

    /// <summary>Lets go of every session on this database (a killed node's backend may outlive it for a moment).</summary>
    public Task CloseSessionsAsync() =>
        AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false, Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
