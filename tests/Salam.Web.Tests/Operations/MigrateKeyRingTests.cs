namespace Salam.Web.Tests.Operations;

/// <summary>
/// migrate makes the Data Protection key before any node starts, so nodes started together share it instead of each
/// making its own (docs/decisions/0010-several-nodes.md; the two-node test shows both nodes then protect with it).
/// </summary>
public sealed class MigrateKeyRingTests : IDisposable
{
    private readonly ScratchFolder _folder = new();
    private string Database => _folder.File("salam.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Migrate_makes_the_one_key_the_nodes_share_and_a_second_run_makes_none()
    {
        await File.WriteAllBytesAsync(Database, []);

        var first = await OperatorRun.RunAsync(Database, ["migrate"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Made the Data Protection key", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, await SqliteFile.CountAsync(Database, "DataProtectionKeys"));

        var second = await OperatorRun.RunAsync(Database, ["migrate"]);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("The Data Protection key ring has a key", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, await SqliteFile.CountAsync(Database, "DataProtectionKeys"));
    }
}
