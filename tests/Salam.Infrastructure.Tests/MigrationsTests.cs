using Microsoft.EntityFrameworkCore;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Tests;

/// <summary>Fails when the model has changes that a checked-in migration of either provider does not cover.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteSalamDbContext --output-dir Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void The_sql_server_migrations_cover_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerSalamDbContext --output-dir Persistence/Migrations/SqlServer");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.Equal(sqlite.Database.GetMigrations().Select(Name), sqlServer.Database.GetMigrations().Select(Name));
    }

    // Migration ids start with a timestamp; the name after it must match across providers.
    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
