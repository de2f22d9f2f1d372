using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Salam.Bench.Data;

/// <summary>
/// The one place where the driver's SQL differs between SQLite and PostgreSQL. Everything else is shared text: identifiers
/// are always double-quoted (both read "Ballots" as the app's table), parameters are always <c>@name</c> (both accept it),
/// new ids come back by <c>RETURNING "Id"</c> (both have it), and <c>ON CONFLICT DO NOTHING</c> and <c>FALSE</c> are
/// understood by both. What is left: how to connect, how a table is found, how a moment is stored (EF's SQLite provider
/// keeps a DateTimeOffset as a sortable number, PostgreSQL as timestamptz), and whether writers queue (SQLite has one
/// writer per file, so the app queues its writes in process; PostgreSQL takes them concurrently).
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Where the database is, for the driver's first line (no password is ever part of it).</summary>
    public abstract string Where { get; }

    /// <summary>True when the database has one writer at a time (SQLite): the floor queues its writes as the app does.</summary>
    public abstract bool SingleWriter { get; }

    /// <summary>An open connection with the same durability the app runs with.</summary>
    public abstract DbConnection Open();

    /// <summary>SQL counting the tables named <c>@name</c> (0 or 1).</summary>
    public abstract string TableCountSql { get; }

    /// <summary>A moment as the app stores it.</summary>
    public abstract object Moment(DateTimeOffset value);

    public abstract DateTimeOffset ReadMoment(DbDataReader reader, int ordinal);

    /// <summary>Any integer column as a long (SQLite gives longs, PostgreSQL int4 or int8 by the column).</summary>
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static SqlDialect Sqlite(string path) => new SqliteDialect(path);

    public static SqlDialect Postgres(string connectionString)
    {
        try { return new PostgresDialect(connectionString); }
        catch (ArgumentException e) { throw new BenchException($"--postgres is not a connection string Npgsql reads: {e.Message}"); }
    }

    private sealed class SqliteDialect(string path) : SqlDialect
    {
        public override string Name => "SQLite";
        public override string Where => path;
        public override bool SingleWriter => true;
        public override string TableCountSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

        public override DbConnection Open()
        {
            if (!File.Exists(path))
                throw new BenchException($"No database at {path}: start the app once (dotnet run --project Salam.Web creates data/salam.db) or pass --db");
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 };
            var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            // The app's durability (SqlitePragmas): WAL, kept in the file, and synchronous=NORMAL on each connection.
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA journal_mode;";
            if (command.ExecuteScalar() is not "wal")
                throw new BenchException($"{path} is not in WAL mode, as the app keeps it: is it the app's database?");
            return connection;
        }

        public override object Moment(DateTimeOffset value) => BenchDatabase.ToEfBinary(value);

        public override DateTimeOffset ReadMoment(DbDataReader reader, int ordinal) => BenchDatabase.FromEfBinary(reader.GetInt64(ordinal));
    }

    private sealed class PostgresDialect(string connectionString) : SqlDialect
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public override string Name => "PostgreSQL";

        public override string Where
        {
            get
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return $"{builder.Host}:{builder.Port}/{builder.Database}";
            }
        }

        public override bool SingleWriter => false;

        // The app's own schema is the connection's search path (public unless the connection string says otherwise).
        public override string TableCountSql =>
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";

        // synchronous_commit is left at the server's default (on), as the app leaves it.
        public override DbConnection Open() => _source.OpenConnection();

        public override object Moment(DateTimeOffset value) => value.ToUniversalTime();

        public override DateTimeOffset ReadMoment(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
