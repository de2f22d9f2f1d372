using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;

namespace Salam.Testing;

/// <summary>What a test needs to reach the lane's database (SQLite or PostgreSQL, see <see cref="TestDatabase"/>) without naming it.</summary>
public static class DatabaseLane
{
    /// <summary>Adds an interceptor (a fault to inject) to the app's DbContext, whichever provider the lane runs.</summary>
    public static IServiceCollection AddDatabaseInterceptor(this IServiceCollection services, IInterceptor interceptor) => services
        .ConfigureDbContext<SqliteSalamDbContext>(o => o.AddInterceptors(interceptor))
        .ConfigureDbContext<PostgreSqlSalamDbContext>(o => o.AddInterceptors(interceptor));

    /// <summary>A context of its own on the app's database, outside the app's pool, with the given interceptors.</summary>
    public static async Task<SalamDbContext> OpenContextAsync(this TestApp app, params IInterceptor[] interceptors)
    {
        var connection = await app.ReadAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        return TestDatabase.OnPostgreSql
            ? new PostgreSqlSalamDbContext(new DbContextOptionsBuilder<PostgreSqlSalamDbContext>().UseNpgsql(connection).AddInterceptors(interceptors).Options)
            : new SqliteSalamDbContext(new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options);
    }
}
