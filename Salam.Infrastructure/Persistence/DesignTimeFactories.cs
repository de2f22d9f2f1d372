using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Salam.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef` build each provider's context without starting the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalamDbContext>
{
    public SqliteSalamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSalamDbContext>
{
    public SqlServerSalamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSalamDbContext>().UseSqlServer("Server=localhost;Database=Salam;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSalamDbContext>
{
    public PostgreSqlSalamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlSalamDbContext>().UseNpgsql("Host=localhost;Database=salam").Options);
}
