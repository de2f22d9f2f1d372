namespace Salam.E2E.Tests;

/// <summary>
/// The PostgreSQL server of the two-node tests and a seeded template database: <c>migrate</c> run once as an operator
/// would, then one node started in Development to seed the demo country, and stopped. Each test gets a copy of it and
/// starts its own nodes on the copy.
/// </summary>
public sealed class TwoNodesCluster : IAsyncLifetime
{
    private TwoNodesDatabase? _template;
    private string? _admin;

    public async Task InitializeAsync()
    {
        // Skipped tests need no server; in CI the first test says loudly what is missing.
        if (Environment.GetEnvironmentVariable("SALAM_TEST_POSTGRES") is not { Length: > 0 } admin) return;
        _admin = admin;
        _template = await TwoNodesDatabase.CreateAsync(admin);
        var (exitCode, output) = await TwoNodesNode.RunCommandAsync(_template.ConnectionString, "migrate");
        if (exitCode != 0) throw new InvalidOperationException($"migrate exited {exitCode}: {output}");
        await using var seeder = TwoNodesNode.Start("seed", _template.ConnectionString);
        await seeder.WaitUntilHealthyAsync();
        await seeder.StopAsync();
        await _template.CloseSessionsAsync();
    }

    /// <summary>A database of the test's own holding the demo country, its first roll-up and the shared key.</summary>
    public Task<TwoNodesDatabase> NewDatabaseAsync() =>
        TwoNodesDatabase.CreateAsync(_admin ?? PostgreSqlFactAttribute.Server, _template!.Name);

    public async Task DisposeAsync()
    {
        if (_template is not null) await _template.DisposeAsync();
    }
}
