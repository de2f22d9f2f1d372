using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>One migrated, demo-seeded SQLite database shared by the tests of a class.</summary>
public sealed class DemoCountryFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
