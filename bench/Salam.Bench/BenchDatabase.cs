using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Salam.Bench;

public sealed record RoundInfo(long Id, long NeighbourhoodId, string Title, int MaxRanks, int Needs, bool OpenNow);

public sealed record ResidentRow(long Id, string Mobile);

public sealed record Readback(long Stored, long Missing, long Duplicates, long StoredUnacknowledged, long? Entries, long ExpectedEntries);

/// <summary>
/// The app's SQLite file, read and written beside the running app (WAL lets both work; writes wait for the
/// app's lock through busy_timeout). The driver inserts its own residents and reads the ballots back.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    /// <summary>The driver's residents have mobiles 0990xxxxxxx, a range the demo data never uses.</summary>
    public const string MobilePrefix = "0990";

    private readonly SqliteConnection _connection;

    private BenchDatabase(SqliteConnection connection) => _connection = connection;

    public static BenchDatabase Open(string path)
    {
        if (!File.Exists(path))
            throw new BenchException($"No database at {path}: start the app once (dotnet run --project Salam.Web creates data/salam.db) or pass --db");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var db = new BenchDatabase(connection);
        db.Execute("PRAGMA busy_timeout = 60000;");
        foreach (var table in new[] { "Residents", "PriorityRounds", "Ballots" })
            if (!db.TableExists(table)) throw new BenchException($"{path} has no table {table}: is it the app's database?");
        return db;
    }

    /// <summary>The open round to vote in: the given one, else an open round whose window contains now with the most needs.</summary>
    public RoundInfo PickRound(long? roundId)
    {
        var needsTable = FirstTable("RoundNeeds", "RoundNeed") ?? throw new BenchException("No RoundNeeds table: cannot tell a round's needs");
        var rounds = new List<RoundInfo>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT r.Id, r.NeighbourhoodId, r.Title, r.MaxRanks, r.OpensAt, r.ClosesAt,
                       (SELECT COUNT(*) FROM "{needsTable}" n WHERE n.RoundId = r.Id)
                FROM PriorityRounds r WHERE r.Status = 1 ORDER BY r.Id
                """;
            using var reader = command.ExecuteReader();
            var now = DateTimeOffset.UtcNow;
            while (reader.Read())
            {
                var open = FromEfBinary(reader.GetInt64(4)) <= now && now < FromEfBinary(reader.GetInt64(5));
                rounds.Add(new RoundInfo(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(6), open));
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
        var highest = Scalar<string?>($"SELECT MAX(Mobile) FROM Residents WHERE Mobile LIKE '{MobilePrefix}%'");
        var next = highest is null ? 1 : long.Parse(highest[MobilePrefix.Length..], CultureInfo.InvariantCulture) + 1;
        if (next + missing > 9_999_999) throw new BenchException("The 0990 mobile range is used up: start from a fresh database");
        // RegisteredAt is stored by EF's DateTimeOffsetToBinaryConverter; copy an existing row's value.
        var registeredAt = Scalar<long?>("SELECT RegisteredAt FROM Residents ORDER BY Id LIMIT 1") ?? ToEfBinary(DateTimeOffset.UtcNow);

        say($"setup: inserting {missing:N0} residents into neighbourhood {round.NeighbourhoodId} ({MobilePrefix}{next:D7}…)");
        using (var transaction = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO Residents (NeighbourhoodId, FullName, Mobile, NationalId, RegisteredAt) VALUES ($n, $name, $mobile, NULL, $at)";
            var n = insert.Parameters.Add("$n", SqliteType.Integer);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var mobile = insert.Parameters.Add("$mobile", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            insert.Prepare();
            n.Value = round.NeighbourhoodId;
            at.Value = registeredAt;
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
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT r.Id, r.Mobile FROM Residents r
            WHERE r.Mobile LIKE '{MobilePrefix}%' AND r.NeighbourhoodId = $n
              AND NOT EXISTS (SELECT 1 FROM Ballots b WHERE b.RoundId = $round AND b.ResidentId = r.Id)
            ORDER BY r.Mobile LIMIT $count
            """;
        command.Parameters.AddWithValue("$n", round.NeighbourhoodId);
        command.Parameters.AddWithValue("$round", round.Id);
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var rows = new List<ResidentRow>(count);
        while (reader.Read()) rows.Add(new ResidentRow(reader.GetInt64(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>Counts, after the run, what the database holds for the residents the app acknowledged.</summary>
    /// <param name="acknowledged">resident id → number of ranks in the acknowledged ballot</param>
    /// <param name="unacknowledged">residents whose post was answered otherwise (refused, error, timeout)</param>
    public Readback ReadBack(long roundId, IReadOnlyDictionary<long, int> acknowledged, IReadOnlyCollection<long> unacknowledged)
    {
        Execute("CREATE TEMP TABLE IF NOT EXISTS bench_ack (ResidentId INTEGER PRIMARY KEY, Ranks INTEGER NOT NULL); DELETE FROM bench_ack;");
        Execute("CREATE TEMP TABLE IF NOT EXISTS bench_unack (ResidentId INTEGER PRIMARY KEY); DELETE FROM bench_unack;");
        using (var transaction = _connection.BeginTransaction())
        {
            using var ack = _connection.CreateCommand();
            ack.Transaction = transaction;
            ack.CommandText = "INSERT OR IGNORE INTO bench_ack VALUES ($id, $ranks)";
            var id = ack.Parameters.Add("$id", SqliteType.Integer);
            var ranks = ack.Parameters.Add("$ranks", SqliteType.Integer);
            foreach (var (resident, count) in acknowledged) { id.Value = resident; ranks.Value = count; ack.ExecuteNonQuery(); }
            using var unack = _connection.CreateCommand();
            unack.Transaction = transaction;
            unack.CommandText = "INSERT OR IGNORE INTO bench_unack VALUES ($id)";
            var uid = unack.Parameters.Add("$id", SqliteType.Integer);
            foreach (var resident in unacknowledged) { uid.Value = resident; unack.ExecuteNonQuery(); }
            transaction.Commit();
        }

        var r = roundId.ToString(CultureInfo.InvariantCulture);
        var stored = Scalar<long>($"SELECT COUNT(*) FROM Ballots b JOIN bench_ack a ON a.ResidentId = b.ResidentId WHERE b.RoundId = {r}");
        var missing = Scalar<long>($"SELECT COUNT(*) FROM bench_ack a WHERE NOT EXISTS (SELECT 1 FROM Ballots b WHERE b.RoundId = {r} AND b.ResidentId = a.ResidentId)");
        var duplicates = Scalar<long>("SELECT COUNT(*) FROM (SELECT 1 FROM Ballots GROUP BY RoundId, ResidentId HAVING COUNT(*) > 1)");
        var storedUnacknowledged = Scalar<long>($"SELECT COUNT(*) FROM Ballots b JOIN bench_unack u ON u.ResidentId = b.ResidentId WHERE b.RoundId = {r}");
        var expectedEntries = acknowledged.Values.Sum(v => (long)v);
        long? entries = null;
        if (FirstTable("BallotEntries", "BallotEntry") is { } entryTable)
            entries = Scalar<long>($"""SELECT COUNT(*) FROM "{entryTable}" e JOIN Ballots b ON b.Id = e.BallotId JOIN bench_ack a ON a.ResidentId = b.ResidentId WHERE b.RoundId = {r}""");
        return new Readback(stored, missing, duplicates, storedUnacknowledged, entries, expectedEntries);
    }

    /// <summary>EF Core's DateTimeOffsetToBinaryConverter: ((ticks / 1000) &lt;&lt; 11) | offset minutes (11 bits, signed).</summary>
    public static DateTimeOffset FromEfBinary(long value)
    {
        var ticks = (value >> 11) * 1000;
        var offsetMinutes = (value << 53) >> 53;
        return new DateTimeOffset(new DateTime(ticks), TimeSpan.FromMinutes(offsetMinutes));
    }

    public static long ToEfBinary(DateTimeOffset value) => ((value.Ticks / 1000) << 11) | ((long)value.Offset.TotalMinutes & 0x07FF);

    private bool TableExists(string name) =>
        Scalar<long>($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'") > 0;

    private string? FirstTable(params string[] names) => names.FirstOrDefault(TableExists);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        if (value is null or DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
