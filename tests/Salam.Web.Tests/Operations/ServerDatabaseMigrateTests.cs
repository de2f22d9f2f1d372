using Npgsql;
using Salam.Testing;

namespace Salam.Web.Tests.Operations;

/// <summary>migrate in Production on PostgreSQL: a database missing on the server is refused, not silently made; made only when told.</summary>
public sealed class ServerDatabaseMigrateTests : IDisposable
{
    private readonly string _name = $"salam_t_{Guid.NewGuid():N}";

    private string[] Settings(params string[] more) =>
        ["--Database:Provider=PostgreSql", $"--ConnectionStrings:PostgreSql={new NpgsqlConnectionStringBuilder(PostgreSqlFactAttribute.Server) { Database = _name }}", .. more];

    [PostgreSqlFact]
    public async Task A_missing_database_is_refused_in_production_and_created_and_migrated_only_with_create_if_missing()
    {
        var refused = await OperatorRun.RunAsync("unused.db", ["migrate"], settings: Settings());

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"\"{_name}\" does not exist", refused.Output + refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", refused.Output + refused.Error, StringComparison.Ordinal);
        Assert.False(await ExistsAsync());

        var made = await OperatorRun.RunAsync("unused.db", ["migrate"], settings: Settings("--Database:CreateIfMissing=true"));

        Assert.Equal(0, made.ExitCode);
        Assert.Contains($"to the PostgreSQL database {_name}", made.Output, StringComparison.Ordinal);
        Assert.True(await ExistsAsync());

        var again = await OperatorRun.RunAsync("unused.db", ["migrate"], settings: Settings());

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);
    }

    private async Task<bool> ExistsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlFactAttribute.Server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", _name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    public void Dispose()
    {
        if (TestDatabase.PostgreSqlServerAvailable is not { } server) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
