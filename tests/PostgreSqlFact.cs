// Linked into every test project (tests/Directory.Build.props), as PinnedCulture.cs is.

/// <summary>
/// A test that needs a PostgreSQL server itself (SALAM_TEST_POSTGRES, an admin connection string), in either lane. Without
/// one it is skipped with the reason, except under CI (CI=true), where it runs and fails: CI never passes without having run it.
/// </summary>
public sealed class PostgreSqlFactAttribute : Xunit.FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (Available is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "No PostgreSQL server: SALAM_TEST_POSTGRES is unset (./test.sh starts one when PostgreSQL is installed). Under CI this test fails instead.";
    }

    private static string? Available => Environment.GetEnvironmentVariable("SALAM_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>The server's admin connection string, or a clear failure when there is none (under CI).</summary>
    public static string Server => Available
        ?? throw new InvalidOperationException("This test needs PostgreSQL: set SALAM_TEST_POSTGRES to an admin connection string (./test.sh does, with scripts/postgres.sh).");
}
