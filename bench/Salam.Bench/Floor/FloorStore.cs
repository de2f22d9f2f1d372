using System.Data.Common;
using System.Globalization;
using System.Text;
using Salam.Bench.Data;

namespace Salam.Bench.Floor;

/// <summary>
/// The least work that stores a ballot as the app stores it: in one transaction, the Ballots row (its id by RETURNING),
/// one BallotEntry row per rank, and the RollupMarks row the app's roll-up marker adds for the round's neighbourhood. No
/// checks, no tracking, no reads. On SQLite the writes queue in process on one connection, as the app's writes do (its
/// single-writer queue); on PostgreSQL each ballot takes a pooled connection and they run concurrently.
/// </summary>
public sealed class FloorStore(SqlDialect dialect, long neighbourhoodId) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly DbConnection? _shared = dialect.SingleWriter ? dialect.Open() : null;
    private readonly string[] _entrySql = new string[33];

    public async Task StoreAsync(long roundId, long residentId, IReadOnlyList<int> rankedNeedIds, CancellationToken cancellationToken)
    {
        if (_shared is not null)
        {
            await _writer.WaitAsync(cancellationToken);
            try { await WriteAsync(_shared, roundId, residentId, rankedNeedIds, cancellationToken); }
            finally { _writer.Release(); }
            return;
        }
        await using var connection = dialect.Open();
        await WriteAsync(connection, roundId, residentId, rankedNeedIds, cancellationToken);
    }

    private async Task WriteAsync(DbConnection connection, long roundId, long residentId, IReadOnlyList<int> ranked, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var ballot = connection.CreateCommand();
        ballot.Transaction = transaction;
        ballot.CommandText = """
            INSERT INTO "Ballots" ("RoundId", "ResidentId", "Channel", "EnteredByUserId", "SubmittedAt")
            VALUES (@round, @resident, 0, NULL, @at) RETURNING "Id"
            """;
        BenchDatabase.Add(ballot, "@round", roundId);
        BenchDatabase.Add(ballot, "@resident", residentId);
        BenchDatabase.Add(ballot, "@at", dialect.Moment(DateTimeOffset.UtcNow));
        var id = Convert.ToInt64(await ballot.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var rest = connection.CreateCommand();
        rest.Transaction = transaction;
        rest.CommandText = EntrySql(ranked.Count);
        BenchDatabase.Add(rest, "@ballot", id);
        BenchDatabase.Add(rest, "@hood", neighbourhoodId);
        for (var i = 0; i < ranked.Count; i++) BenchDatabase.Add(rest, "@n" + i.ToString(CultureInfo.InvariantCulture), (long)ranked[i]);
        await rest.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The entries and the mark in one command: INSERT … VALUES (@ballot, 1, @n0), (@ballot, 2, @n1) …; INSERT the mark.</summary>
    private string EntrySql(int ranks)
    {
        if (ranks is < 1 or > 32) throw new BenchException($"a ballot of {ranks} ranks: the floor takes 1..32");
        return _entrySql[ranks] ??= BuildEntrySql(ranks);
    }

    private static string BuildEntrySql(int ranks)
    {
        var sql = new StringBuilder("""INSERT INTO "BallotEntry" ("BallotId", "Rank", "NeedId") VALUES """);
        for (var i = 0; i < ranks; i++) sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@ballot, {i + 1}, @n{i})");
        sql.Append("""; INSERT INTO "RollupMarks" ("NeighbourhoodId", "Claimed") VALUES (@hood, FALSE)""");
        return sql.ToString();
    }

    public void Dispose()
    {
        _shared?.Dispose();
        _writer.Dispose();
    }
}
