using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Reports;

namespace Salam.Bench.Rollups;

/// <summary>
/// Where a synthetic country lives for generate and rollup: a SQLite file (--out / --db) or a PostgreSQL database (--postgres).
/// The schema is always the app's own migrations through the app's own context for that provider; only the bulk path differs
/// (prepared inserts on SQLite, binary COPY on PostgreSQL).
/// </summary>
internal abstract class SetDatabase
{
    public abstract string Where { get; }

    /// <summary>Deletes whatever is there and makes it empty (a new file, or a new database of that name).</summary>
    public abstract Task RecreateAsync(CancellationToken cancellationToken);

    /// <summary>The app's context for this provider; for the roll-up with the app's interceptors (roll-up marks, SQLite pragmas).</summary>
    public abstract SalamDbContext Context(bool asTheAppRuns);

    public abstract bool Exists();

    /// <summary>Writes every row through a bulk target, then gathers the planner's statistics as a running database has them.</summary>
    public abstract Task WriteRowsAsync(Action<IRowTarget> write, CancellationToken cancellationToken);

    public abstract string Size();

    public static SetDatabase Sqlite(string path) => new SqliteSet(path);

    public static SetDatabase Postgres(string connectionString) => new PostgresSet(connectionString);

    private sealed class SqliteSet(string path) : SetDatabase
    {
        public override string Where => path;

        public override bool Exists() => File.Exists(path);

        public override Task RecreateAsync(CancellationToken cancellationToken)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
            return Task.CompletedTask;
        }

        public override SalamDbContext Context(bool asTheAppRuns)
        {
            var builder = new DbContextOptionsBuilder<SqliteSalamDbContext>();
            if (!asTheAppRuns) return new SqliteSalamDbContext(builder.UseSqlite($"Data Source={path};Pooling=False").Options);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 3600 }.ToString();
            return new SqliteSalamDbContext(builder.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), new RollupMarker()).Options);
        }

        public override Task WriteRowsAsync(Action<IRowTarget> write, CancellationToken cancellationToken)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
            write(new SqliteRows(connection));
            var analyse = Stopwatch.StartNew();
            Exec(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
            Console.WriteLine($"generate: ANALYZE (statistics for the query planner, as a running database has them) in {analyse.Elapsed.TotalSeconds:F1}s");
            return Task.CompletedTask;
        }

        public override string Size() => $"{new FileInfo(path).Length / 1_048_576.0:F0} MB";

        private static void Exec(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }
    }

    private sealed class PostgresSet : SetDatabase
    {
        private readonly string _connectionString;
        private readonly string _database;

        public PostgresSet(string connectionString)
        {
            NpgsqlConnectionStringBuilder builder;
            try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
            catch (ArgumentException e) { throw new BenchException($"--postgres is not a connection string Npgsql reads: {e.Message}"); }
            if (string.IsNullOrWhiteSpace(builder.Database) || builder.Database is "postgres" or "template0" or "template1")
                throw new BenchException("--postgres must name the set's own database (e.g. Database=salam_national): generate replaces it");
            builder.CommandTimeout = 0;
            _connectionString = builder.ConnectionString;
            _database = builder.Database;
            Where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        }

        public override string Where { get; }

        public override bool Exists()
        {
            using var connection = Maintenance();
            using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
            command.Parameters.AddWithValue("name", _database);
            return (long)command.ExecuteScalar()! > 0;
        }

        public override async Task RecreateAsync(CancellationToken cancellationToken)
        {
            await using var connection = Maintenance();
            var name = new NpgsqlCommandBuilder().QuoteIdentifier(_database);
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection)) await drop.ExecuteNonQueryAsync(cancellationToken);
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection)) await create.ExecuteNonQueryAsync(cancellationToken);
        }

        public override SalamDbContext Context(bool asTheAppRuns) => PostgresContext.Create(_connectionString, asTheAppRuns);

        public override async Task WriteRowsAsync(Action<IRowTarget> write, CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            // The generated rows are consistent by construction: as a bulk load does, skip the per-row foreign-key triggers
            // (10,000,000 ranks would otherwise be checked one by one at the end of their COPY). Needs a superuser.
            try
            {
                await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
                await replica.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                Console.WriteLine($"generate: foreign keys checked row by row ({e.MessageText}): slower");
            }
            write(new PostgresCopyRows(connection));
            await using (var origin = new NpgsqlCommand("SET session_replication_role = origin", connection)) await origin.ExecuteNonQueryAsync(cancellationToken);
            var analyse = Stopwatch.StartNew();
            await using (var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection)) await command.ExecuteNonQueryAsync(cancellationToken);
            Console.WriteLine($"generate: VACUUM (ANALYZE) (statistics for the query planner and the visibility map, as a running database has them) in {analyse.Elapsed.TotalSeconds:F1}s");
        }

        public override string Size()
        {
            using var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            return $"{(long)command.ExecuteScalar()! / 1_048_576.0:F0} MB";
        }

        private NpgsqlConnection Maintenance()
        {
            var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres", Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return connection;
        }
    }
}
