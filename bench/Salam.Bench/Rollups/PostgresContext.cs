using Salam.Infrastructure.Persistence;

namespace Salam.Bench.Rollups;

/// <summary>The app's PostgreSQL context, as the app configures it.</summary>
internal static class PostgresContext
{
    public static SalamDbContext Create(string connectionString, bool asTheAppRuns) =>
        throw new BenchException("PostgreSQL needs the app's PostgreSQL provider (PostgreSqlSalamDbContext), which this build does not have yet");
}
