using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The server database failing under the running app, on PostgreSQL: made read-only by an operator, or its server refusing
/// connections. /health must say so (503) and recover when the database does; a ballot must fail, not be acknowledged.
/// </summary>
public sealed class ServerDatabaseFaultTests : IAsyncLifetime
{
    private readonly PostgreSqlFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [PostgreSqlFact]
    public async Task A_database_made_read_only_makes_health_503_and_writable_again_200()
    {
        var client = _factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await SetReadOnlyAsync(true);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await SetReadOnlyAsync(false);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    // Every session of the database, the app's pooled ones included, is read-only from its next transaction on.
    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var name = scope.ServiceProvider.GetRequiredService<SalamDbContext>().Database.GetDbConnection().Database;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlFactAttribute.Server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = {(readOnly ? "on" : "off")}", connection);
        await command.ExecuteNonQueryAsync();
        // A setting of the database reaches new sessions only: end the app's current ones so its pool opens new sessions.
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("name", name);
        await terminate.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private sealed class PostgreSqlFactory : SalamWebFactory
    {
        protected override string? PostgreSqlServer => TestDatabase.PostgreSqlServerAvailable;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Hangfire:Server"] = "false" };
    }
}
