using Microsoft.EntityFrameworkCore;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Tests;

/// <summary>Fails when the model has changes that a checked-in migration of any of the three providers does not cover.</summary>
public sealed class MigrationsTests
{
    /// <summary>PostgreSQL's history starts with one baseline of the model as it stood; later migrations are added for all three.</summary>
    private const string PostgreSqlBaseline = "PostgreSqlBaseline";
    private const string LastBeforePostgreSql = "GoLive";

    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_cover_the_model(string provider)
    {
        using var db = Create(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"Run: dotnet ef migrations add <Name> --context {db.GetType().Name} --output-dir Persistence/Migrations/{provider} (and the same for the other providers)");
    }

    [Fact]
    public void Sqlite_and_sql_server_have_the_same_migrations()
    {
        using var sqlite = Create("Sqlite");
        using var sqlServer = Create("SqlServer");
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void PostgreSql_has_every_migration_made_after_its_baseline()
    {
        using var sqlite = Create("Sqlite");
        using var postgreSql = Create("PostgreSql");
        var since = Names(sqlite).SkipWhile(name => name != LastBeforePostgreSql).Skip(1);
        Assert.Equal([PostgreSqlBaseline, .. since], Names(postgreSql));
    }

    private static SalamDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
    };

    // Migration ids start with a timestamp; the name after it must match across providers.
    private static List<string> Names(DbContext db) => [.. db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..])];
}
