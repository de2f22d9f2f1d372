using Microsoft.EntityFrameworkCore;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Reports;

namespace Salam.Bench.Rollups;

/// <summary>The app's PostgreSQL context, as the app configures it (DependencyInjection: UseNpgsql with the roll-up marker).</summary>
internal static class PostgresContext
{
    public static SalamDbContext Create(string connectionString, bool asTheAppRuns)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlSalamDbContext>().UseNpgsql(connectionString, o => o.CommandTimeout(3600));
        if (asTheAppRuns) builder.AddInterceptors(new RollupMarker());
        return new PostgreSqlSalamDbContext(builder.Options);
    }
}
