namespace Salam.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>Section "Database": which provider, whether Development gets the demo country, and whether a missing SQLite file may be made.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Honoured in Development only (appsettings.Development.json turns it on); any other environment never seeds.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Outside Development a missing SQLite file is refused at start, so a lost database is never silently replaced by an
    /// empty one; set this once to create a new database on purpose.
    /// </summary>
    public bool CreateIfMissing { get; set; }
}
