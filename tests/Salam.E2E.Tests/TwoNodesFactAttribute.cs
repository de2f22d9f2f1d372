namespace Salam.E2E.Tests;

/// <summary>
/// A test that needs a PostgreSQL server (SALAM_TEST_POSTGRES, an admin connection string without a database). Elsewhere
/// it is skipped with a message saying so; in CI (CI=true) it is never skipped: it runs and fails, saying what is missing.
/// </summary>
public sealed class TwoNodesFactAttribute : FactAttribute
{
    public const string Variable = "SALAM_TEST_POSTGRES";

    public TwoNodesFactAttribute()
    {
        if (AdminConnectionString is null && !InCi)
            Skip = $"Skipped: the two-node test needs PostgreSQL. Start one with `scripts/postgres.sh start` and set {Variable} "
                + "to the connection string it prints (CI runs it, and fails without it).";
    }

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or the loud failure CI must show when it is missing.</summary>
    public static string RequireAdminConnectionString() => AdminConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set, and CI=true: CI must run the two-node test on PostgreSQL. "
            + $"Start a cluster (scripts/postgres.sh start) and export {Variable}=\"Host=127.0.0.1;Port=55432;Username=postgres\".");
}
