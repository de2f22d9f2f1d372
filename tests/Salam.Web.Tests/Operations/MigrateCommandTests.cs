using Microsoft.EntityFrameworkCore;
using Salam.Infrastructure.Operations;

namespace Salam.Web.Tests.Operations;

/// <summary>migrate, run through the executable's own entry point against a SQLite file.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();
    private string Database => _folder.File("salam.db");

    public void Dispose() => _folder.Dispose();

    private async Task<IReadOnlyList<string>> KnownMigrationsAsync()
    {
        await using var db = new OperatorDatabase(Database);
        return await db.ReadAsync((context, _) => Task.FromResult<IReadOnlyList<string>>([.. context.Database.GetMigrations()]));
    }

    [Fact]
    public async Task On_an_empty_file_it_creates_the_schema_and_exits_0_and_a_second_run_changes_nothing()
    {
        await File.WriteAllBytesAsync(Database, []);

        var first = await OperatorRun.RunAsync(Database, ["migrate"]);

        Assert.Equal(0, first.ExitCode);
        var migrations = await KnownMigrationsAsync();
        Assert.Contains($"Applied {migrations.Count} migration(s)", first.Output, StringComparison.Ordinal);
        Assert.Equal(migrations.Count, await SqliteFile.CountAsync(Database, "__EFMigrationsHistory"));
        Assert.Equal(0, await SqliteFile.CountAsync(Database, "AspNetUsers"));
        Assert.Equal("wal", await SqliteFile.ScalarAsync(Database, "PRAGMA journal_mode"));

        var second = await OperatorRun.RunAsync(Database, ["migrate"]);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(migrations.Count, await SqliteFile.CountAsync(Database, "__EFMigrationsHistory"));
    }

    [Fact]
    public async Task A_missing_file_in_production_is_refused_and_not_created()
    {
        var run = await OperatorRun.RunAsync(Database, ["migrate"]);

        Assert.Equal((int)OperatorExitCode.Refused, run.ExitCode);
        Assert.Contains("Database__CreateIfMissing=true", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_missing_file_is_created_when_CreateIfMissing_says_so()
    {
        var run = await OperatorRun.RunAsync(Database, ["migrate"], settings: "--Database:CreateIfMissing=true");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((await KnownMigrationsAsync()).Count, await SqliteFile.CountAsync(Database, "__EFMigrationsHistory"));
    }

    [Fact]
    public async Task It_never_seeds_even_in_development_with_the_demo_data_on()
    {
        var run = await OperatorRun.RunAsync(Database, ["migrate"], settings: ["--environment", "Development", "--Database:SeedDemoData=true"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, await SqliteFile.CountAsync(Database, "AspNetUsers"));
        Assert.Equal(0, await SqliteFile.CountAsync(Database, "Provinces"));
    }

    [Fact]
    public async Task An_option_it_does_not_know_is_refused_with_the_usage()
    {
        var run = await OperatorRun.RunAsync(Database, ["migrate", "--user", "root"]);

        Assert.Equal((int)OperatorExitCode.Usage, run.ExitCode);
        Assert.Contains("Unknown option", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }
}
