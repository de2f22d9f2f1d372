namespace Salam.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>Section "Database": which provider, and whether an empty database gets the demo country.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool SeedDemoData { get; set; } = true;
}
