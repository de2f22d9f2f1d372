using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Salam.Bench.Rollups;

/// <summary>Where the generator's rows go, one table at a time. Rows carry plain .NET values (DateTimeOffset, DateOnly, bool, Guid, int, string).</summary>
internal interface IRowTarget
{
    ITableRows Begin(string table, string[] columns);
}

internal interface ITableRows : IDisposable
{
    void Row(object?[] values);

    /// <summary>Ends the table: commits what is left and leaves new ids (the app's own inserts) after the highest one written.</summary>
    void Complete();
}

/// <summary>SQLite: one prepared insert, committed every 500,000 rows; values stored as EF's SQLite provider stores them.</summary>
internal sealed class SqliteRows(SqliteConnection connection) : IRowTarget
{
    public ITableRows Begin(string table, string[] columns) => new Table(connection, table, columns);

    private sealed class Table : ITableRows
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private SqliteTransaction _transaction;
        private int _rows;

        public Table(SqliteConnection connection, string table, string[] columns)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, k) => $"$p{k}"))})";
            _parameters = [.. columns.Select((_, k) => _command.Parameters.Add(new SqliteParameter($"$p{k}", null)))];
            _transaction = connection.BeginTransaction();
            _command.Transaction = _transaction;
            _command.Prepare();
        }

        public void Row(object?[] values)
        {
            for (var k = 0; k < values.Length; k++) _parameters[k].Value = Stored(values[k]);
            _command.ExecuteNonQuery();
            if (++_rows % 500_000 != 0) return;
            _transaction.Commit();
            _transaction = _connection.BeginTransaction();
            _command.Transaction = _transaction;
        }

        // EF's SQLite provider: DateTimeOffset as its sortable number, DateOnly as yyyy-MM-dd text, Guid as upper-case text.
        private static object Stored(object? value) => value switch
        {
            null => DBNull.Value,
            DateTimeOffset moment => BenchDatabase.ToEfBinary(moment),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Guid guid => guid.ToString().ToUpperInvariant(),
            bool flag => flag ? 1 : 0,
            _ => value,
        };

        public void Complete() => _transaction.Commit();

        public void Dispose()
        {
            _transaction.Dispose();
            _command.Dispose();
        }
    }
}

/// <summary>
/// PostgreSQL: one binary COPY per table (Npgsql's binary importer), each value written as the column's own type, read from
/// the catalogue; afterwards the table's identity is moved past the highest id written, so the app's own inserts go on from there.
/// </summary>
internal sealed class PostgresCopyRows(NpgsqlConnection connection) : IRowTarget
{
    public ITableRows Begin(string table, string[] columns) => new Table(connection, table, columns);

    private sealed class Table : ITableRows
    {
        private readonly NpgsqlConnection _connection;
        private readonly string _table;
        private readonly NpgsqlBinaryImporter _importer;
        private readonly NpgsqlDbType[] _types;
        private readonly (string Name, NpgsqlDbType Type)[] _filled;
        private readonly bool _hasId;

        public Table(NpgsqlConnection connection, string table, string[] columns)
        {
            _connection = connection;
            _table = table;
            var catalogue = Columns(connection, table);
            foreach (var column in columns)
                if (!catalogue.ContainsKey(column)) throw new BenchException($"PostgreSQL table {table} has no column {column}: is the schema the app's current one?");
            _types = [.. columns.Select(c => catalogue[c].Type)];
            foreach (var (name, (type, required)) in catalogue)
                if (type == NpgsqlDbType.Unknown && (required || columns.Contains(name)))
                    throw new BenchException($"PostgreSQL table {table} has a column {name} of a type the generator does not write");
            // A NOT NULL column the generator does not know (added by a later migration) gets its type's zero, as SQLite's AddColumn default gives it.
            _filled = [.. catalogue.Where(c => !columns.Contains(c.Key) && c.Value.Required).Select(c => (c.Key, c.Value.Type))];
            if (_filled.Length > 0) Console.WriteLine($"generate:   {table}: {string.Join(", ", _filled.Select(f => f.Name))} not generated: written as zero/false/empty");
            _hasId = columns.Contains("Id");
            var list = string.Join(", ", columns.Concat(_filled.Select(f => f.Name)).Select(c => $"\"{c}\""));
            _importer = connection.BeginBinaryImport($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)");
        }

        public void Row(object?[] values)
        {
            _importer.StartRow();
            for (var k = 0; k < values.Length; k++) Write(values[k], _types[k]);
            foreach (var (_, type) in _filled) Write(Zero(type), type);
        }

        private void Write(object? value, NpgsqlDbType type)
        {
            switch (value)
            {
                case null: _importer.WriteNull(); break;
                case DateTimeOffset moment: _importer.Write(moment.ToUniversalTime(), type); break;
                case DateOnly day: _importer.Write(day, type); break;
                case Guid guid: _importer.Write(guid, type); break;
                case string text: _importer.Write(text, type); break;
                case bool flag: _importer.Write(flag, type); break;
                default:
                    var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    switch (type)
                    {
                        case NpgsqlDbType.Bigint: _importer.Write(number, type); break;
                        case NpgsqlDbType.Smallint: _importer.Write((short)number, type); break;
                        case NpgsqlDbType.Boolean: _importer.Write(number != 0, type); break;
                        default: _importer.Write((int)number, type); break;
                    }
                    break;
            }
        }

        private static object Zero(NpgsqlDbType type) => type switch
        {
            NpgsqlDbType.Boolean => false,
            NpgsqlDbType.Text or NpgsqlDbType.Varchar => "",
            NpgsqlDbType.TimestampTz => DateTimeOffset.UnixEpoch,
            NpgsqlDbType.Uuid => Guid.Empty,
            _ => 0,
        };

        public void Complete()
        {
            _importer.Complete();
            _importer.Dispose();
            if (!_hasId) return;
            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                SELECT setval(pg_get_serial_sequence('"{_table}"', 'Id'), (SELECT MAX("Id") FROM "{_table}"))
                WHERE pg_get_serial_sequence('"{_table}"', 'Id') IS NOT NULL
                """;
            command.ExecuteNonQuery();
        }

        public void Dispose() => _importer.Dispose();

        private static Dictionary<string, (NpgsqlDbType Type, bool Required)> Columns(NpgsqlConnection connection, string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT column_name, data_type, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table
                """;
            command.Parameters.AddWithValue("table", table);
            using var reader = command.ExecuteReader();
            var columns = new Dictionary<string, (NpgsqlDbType, bool)>(StringComparer.Ordinal);
            while (reader.Read()) columns[reader.GetString(0)] = (TypeOf(reader.GetString(1)), reader.GetBoolean(2));
            if (columns.Count == 0) throw new BenchException($"PostgreSQL has no table {table}: did the migrations run?");
            return columns;
        }

        private static NpgsqlDbType TypeOf(string dataType) => dataType switch
        {
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "date" => NpgsqlDbType.Date,
            "uuid" => NpgsqlDbType.Uuid,
            "bytea" => NpgsqlDbType.Bytea,
            _ => NpgsqlDbType.Unknown, // refused above only when the generator would have to write it
        };
    }
}
