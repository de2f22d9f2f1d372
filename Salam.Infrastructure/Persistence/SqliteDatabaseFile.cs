using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// The SQLite file the app runs on. Run-time connections open it read-write without create (Mode=ReadWrite), so a file
/// deleted under the app is never silently replaced by an empty one; only the start may create it, when allowed.
/// </summary>
public sealed class SqliteDatabaseFile
{
    /// <param name="configured">ConnectionStrings:Sqlite; a relative path is taken from <paramref name="contentRoot"/>.</param>
    public SqliteDatabaseFile(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (PathOf(builder) is { } path)
        {
            builder.DataSource = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, path));
            if (builder.Mode == SqliteOpenMode.ReadWriteCreate) builder.Mode = SqliteOpenMode.ReadWrite;
        }
        builder.Pooling = true;
        ConnectionString = builder.ToString();
        Path = PathOf(builder);
    }

    /// <summary>The pooled, no-create connection string every DbContext of the app uses.</summary>
    public string ConnectionString { get; }

    /// <summary>The file's full path; null for an in-memory database.</summary>
    public string? Path { get; }

    public bool Exists => Path is null || File.Exists(Path);

    /// <summary>Makes the (empty) file, and its folder; the start migrates it afterwards.</summary>
    public void Create()
    {
        if (Path is null) return;
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var builder = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
    }

    /// <summary>
    /// A context on a fresh, unpooled connection to the file at <see cref="Path"/> now: a pooled connection keeps its
    /// handle on whatever file it first opened, even after that file is deleted or replaced.
    /// </summary>
    public SqliteSalamDbContext OpenProbe()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false };
        return new SqliteSalamDbContext(new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite(builder.ToString()).Options);
    }

    /// <summary>The file a connection string names, or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString) => PathOf(new SqliteConnectionStringBuilder(connectionString));

    private static string? PathOf(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : builder.DataSource;
}

/// <summary>The SQLite file is gone: a write is refused rather than acknowledged, and a start is refused rather than making an empty one.</summary>
public sealed class DatabaseFileMissingException : InvalidOperationException
{
    /// <summary>A write refused at run time.</summary>
    public DatabaseFileMissingException(string path)
        : base($"The database file {path} is missing (deleted or moved while the app was running). The write was refused, not stored. "
            + "Restore the file and restart the app.") { }

    /// <summary>A start refused outside Development.</summary>
    public DatabaseFileMissingException(string path, string environmentName)
        : base($"Salam refuses to start in {environmentName}: the database file {path} does not exist, and outside Development a missing "
            + "database is never replaced by a new, empty one. If the file was moved or deleted, restore it (or correct ConnectionStrings:Sqlite). "
            + "To create a new, empty database on purpose, start once with Database:CreateIfMissing=true (environment variable Database__CreateIfMissing=true).") { }
}
