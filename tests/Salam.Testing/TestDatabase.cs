namespace Salam.Testing;

/// <summary>A fresh SQLite file of its own for one test class, removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "salam-tests", $"{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public TestDatabase() => Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
