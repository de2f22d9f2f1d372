using System.Data.Common;
using System.Globalization;
using Salam.Bench.Data;

namespace Salam.Bench;

public sealed record RoundInfo(long Id, long NeighbourhoodId, string Title, int MaxRanks, int Needs, bool OpenNow);

public sealed record ResidentRow(long Id, string Mobile);

public sealed record Readback(long Stored, long Missing, long Duplicates, long StoredUnacknowledged, long Entries, long ExpectedEntries);

/// <summary>
/// The app's database (SQLite file or PostgreSQL), read and written beside the running app, as a client: the driver
/// inserts its own residents and reads the ballots back. One SQL text serves both; <see cref="SqlDialect"/> holds the rest.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    /// <summary>The driver's residents have mobiles 0990xxxxxxx, a range the demo data never uses.</summary>
    public const string MobilePrefix = "0990";

    private readonly DbConnection _connection;

    private BenchDatabase(SqlDialect dialect, DbConnection connection)
    {
        Dialect = dialect;
        _connection = connection;
    }

    public SqlDialect Dialect { get; }

    public static BenchDatabase Open(SqlDialect dialect)
    {
        var db = new BenchDatabase(dialect, dialect.Open());
        foreach (var table in new[] { "Residents", "PriorityRounds", "Ballots", "BallotEntry", "RollupMarks" })
            if (!db.TableExists(table)) throw new BenchException($"{dialect.Where} has no table {table}: is it the app's database, migrated?");
        return db;
    }

    /// <summary>The open round to vote in: the given one, else an open round whose window contains now with the most needs.</summary>
    public RoundInfo PickRound(long? roundId)
    {
        var rounds = new List<RoundInfo>();
        using (var command = Command("""
            SELECT r."Id", r."NeighbourhoodId", r."Title", r."MaxRanks", r."OpensAt", r."ClosesAt",
                   (SELECT COUNT(*) FROM "RoundNeed" n WHERE n."RoundId" = r."Id")
            FROM "PriorityRounds" r WHERE r."Status" = 1 ORDER BY r."Id"
            """))
        using (var reader = command.ExecuteReader())
        {
            var now = DateTimeOffset.UtcNow;
            while (reader.Read())
            {
                var open = Dialect.ReadMoment(reader, 4) <= now && now < Dialect.ReadMoment(reader, 5);
                rounds.Add(new RoundInfo(SqlDialect.Long(reader, 0), SqlDialect.Long(reader, 1), reader.GetString(2), (int)SqlDialect.Long(reader, 3),
                    (int)SqlDialect.Long(reader, 6), open));
            }
        }
        if (roundId is { } id)
            return rounds.FirstOrDefault(r => r.Id == id) ?? throw new BenchException($"Round {id} is not open (Status = 1)");
        return rounds.Where(r => r.Needs > 0).OrderByDescending(r => r.OpenNow).ThenByDescending(r => r.Needs).ThenBy(r => r.Id).FirstOrDefault()
            ?? throw new BenchException("No open round with needs in the database");
    }

    /// <summary>
    /// <paramref name="count"/> of the driver's residents in the round's neighbourhood who have not voted in it:
    /// those already there first (the driver is re-runnable), then new ones inserted after the highest 0990 number.
    /// </summary>
    public List<ResidentRow> EnsureResidents(RoundInfo round, int count, Action<string> say)
    {
        var found = Fresh(round, count);
        if (found.Count >= count) return found;

        var missing = count - found.Count;
        var highest = Scalar($"""SELECT MAX("Mobile") FROM "Residents" WHERE "Mobile" LIKE '{MobilePrefix}%'""") as string;
        var next = highest is null ? 1 : long.Parse(highest[MobilePrefix.Length..], CultureInfo.InvariantCulture) + 1;
        if (next + missing > 9_999_999) throw new BenchException("The 0990 mobile range is used up: start from a fresh database");

        say($"setup: inserting {missing:N0} residents into neighbourhood {round.NeighbourhoodId} ({MobilePrefix}{next:D7}…)");
        using (var transaction = _connection.BeginTransaction())
        using (var insert = Command("""
            INSERT INTO "Residents" ("NeighbourhoodId", "FullName", "Mobile", "NationalId", "RegisteredAt", "Status")
            VALUES (@n, @name, @mobile, NULL, @at, 0) ON CONFLICT DO NOTHING
            """, transaction))
        {
            Add(insert, "@n", round.NeighbourhoodId);
            Add(insert, "@at", Dialect.Moment(DateTimeOffset.UtcNow));
            var mobile = Add(insert, "@mobile", "");
            var name = Add(insert, "@name", "");
            insert.Prepare();
            for (var i = 0; i < missing; i++)
            {
                var number = MobilePrefix + (next + i).ToString("D7", CultureInfo.InvariantCulture);
                mobile.Value = number;
                name.Value = "ساکن آزمون بار " + number;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return Fresh(round, count);
    }

    private List<ResidentRow> Fresh(RoundInfo round, int count)
    {
        using var command = Command($"""
            SELECT r."Id", r."Mobile" FROM "Residents" r
            WHERE r."Mobile" LIKE '{MobilePrefix}%' AND r."NeighbourhoodId" = @n
              AND NOT EXISTS (SELECT 1 FROM "Ballots" b WHERE b."RoundId" = @round AND b."ResidentId" = r."Id")
            ORDER BY r."Mobile" LIMIT @count
            """);
        Add(command, "@n", round.NeighbourhoodId);
        Add(command, "@round", round.Id);
        Add(command, "@count", (long)count);
        using var reader = command.ExecuteReader();
        var rows = new List<ResidentRow>(count);
        while (reader.Read()) rows.Add(new ResidentRow(SqlDialect.Long(reader, 0), reader.GetString(1)));
        return rows;
    }

    /// <summary>Counts, after the run, what the database holds for the residents the app acknowledged.</summary>
    /// <param name="acknowledged">resident id → number of ranks in the acknowledged ballot</param>
    /// <param name="unacknowledged">residents whose post was answered otherwise (refused, error, timeout)</param>
    public Readback ReadBack(long roundId, IReadOnlyDictionary<long, int> acknowledged, IReadOnlyCollection<long> unacknowledged)
    {
        Execute("""CREATE TEMP TABLE IF NOT EXISTS bench_ack ("ResidentId" bigint PRIMARY KEY, "Ranks" integer NOT NULL)""");
        Execute("""CREATE TEMP TABLE IF NOT EXISTS bench_unack ("ResidentId" bigint PRIMARY KEY)""");
        Execute("DELETE FROM bench_ack; DELETE FROM bench_unack;");
        using (var transaction = _connection.BeginTransaction())
        {
            using var ack = Command("""INSERT INTO bench_ack VALUES (@id, @ranks) ON CONFLICT DO NOTHING""", transaction);
            var id = Add(ack, "@id", 0L);
            var ranks = Add(ack, "@ranks", 0);
            ack.Prepare();
            foreach (var (resident, count) in acknowledged) { id.Value = resident; ranks.Value = count; ack.ExecuteNonQuery(); }
            using var unack = Command("""INSERT INTO bench_unack VALUES (@id) ON CONFLICT DO NOTHING""", transaction);
            var uid = Add(unack, "@id", 0L);
            unack.Prepare();
            foreach (var resident in unacknowledged) { uid.Value = resident; unack.ExecuteNonQuery(); }
            transaction.Commit();
        }

        var r = roundId.ToString(CultureInfo.InvariantCulture);
        var stored = Count($"""SELECT COUNT(*) FROM "Ballots" b JOIN bench_ack a ON a."ResidentId" = b."ResidentId" WHERE b."RoundId" = {r}""");
        var missing = Count($"""SELECT COUNT(*) FROM bench_ack a WHERE NOT EXISTS (SELECT 1 FROM "Ballots" b WHERE b."RoundId" = {r} AND b."ResidentId" = a."ResidentId")""");
        var duplicates = Count("""SELECT COUNT(*) FROM (SELECT 1 FROM "Ballots" GROUP BY "RoundId", "ResidentId" HAVING COUNT(*) > 1) d""");
        var storedUnacknowledged = Count($"""SELECT COUNT(*) FROM "Ballots" b JOIN bench_unack u ON u."ResidentId" = b."ResidentId" WHERE b."RoundId" = {r}""");
        var entries = Count($"""SELECT COUNT(*) FROM "BallotEntry" e JOIN "Ballots" b ON b."Id" = e."BallotId" JOIN bench_ack a ON a."ResidentId" = b."ResidentId" WHERE b."RoundId" = {r}""");
        return new Readback(stored, missing, duplicates, storedUnacknowledged, entries, acknowledged.Values.Sum(v => (long)v));
    }

    /// <summary>EF Core's DateTimeOffsetToBinaryConverter: ((ticks / 1000) &lt;&lt; 11) | offset minutes (11 bits, signed).</summary>
    public static DateTimeOffset FromEfBinary(long value)
    {
        var ticks = (value >> 11) * 1000;
        var offsetMinutes = (value << 53) >> 53;
        return new DateTimeOffset(new DateTime(ticks), TimeSpan.FromMinutes(offsetMinutes));
    }

    public static long ToEfBinary(DateTimeOffset value) => ((value.Ticks / 1000) << 11) | ((long)value.Offset.TotalMinutes & 0x07FF);

    private bool TableExists(string name)
    {
        using var command = Command(Dialect.TableCountSql);
        Add(command, "@name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        command.Transaction = transaction;
        return command;
    }

    internal static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql) ?? 0L, CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
