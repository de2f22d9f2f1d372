using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Domain.Rounds.Counting.Files;

namespace Salam.Application.Rounds.Common;

/// <summary>What a count record holds beyond its figures: the method's own order and its details.</summary>
public sealed record CountDetails(IReadOnlyList<IReadOnlyList<int>> MethodOrder, SchulzeDetails? Schulze, EqualSharesDetails? EqualShares)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static CountDetails Of(CountOutcome outcome) => new(outcome.MethodOrder, outcome.Schulze, outcome.EqualShares);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CountDetails FromJson(string json) => JsonSerializer.Deserialize<CountDetails>(json, Json) ?? new CountDetails([], null, null);
}

/// <summary>The ballots a close counted, the file written from them, and the version of the code that counts: shared by close, recount and download.</summary>
public static class CountRecords
{
    /// <summary>Fewer ballots than this publish totals only: a small round's file could let neighbours tell who ranked what.</summary>
    public const int FewestBallotsForFile = 10;

    /// <summary>The informational version of Salam.Domain, where every counting method lives (the SDK appends the commit).</summary>
    public static string CodeVersion { get; } =
        typeof(ICountingMethod).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ICountingMethod).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The ballots stored up to <paramref name="until"/> (the close), entries included, without tracking.</summary>
    public static Task<List<Ballot>> CountedBallotsAsync(this ISalamDbContext db, int roundId, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.Ballots.AsNoTracking().Include(b => b.Entries)
            .Where(b => b.RoundId == roundId && b.SubmittedAt <= until).ToListAsync(cancellationToken);

    /// <summary>
    /// The round's canonical ballot file: rankings only (no resident, no channel, no time), the needs in approval order with
    /// their titles and costs. The same ballots always give the same bytes, so its hash can be frozen and checked later.
    /// </summary>
    public static async Task<BallotFile> BallotFileAsync(this ISalamDbContext db, PriorityRound round, IEnumerable<Ballot> ballots,
        CancellationToken cancellationToken)
    {
        var needIds = round.Needs.Select(n => n.NeedId).ToList();
        var titles = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Title }).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        var needs = round.Needs.OrderBy(n => n.ApprovedAt).ThenBy(n => n.NeedId)
            .Select(n => new BallotFileNeed(n.NeedId, titles[n.NeedId], n.Cost)).ToList();
        var closedAt = round.ClosedAt ?? throw new InvalidOperationException("Only a closed round has a ballot file.");
        return BallotFiles.Write(new BallotFileRound(round.Id, round.Title, closedAt, round.Method, round.MaxRanks, round.Budget, needs,
            ballots.Select(b => b.RankedNeedIds()).ToList()));
    }

    /// <summary>Freezes what the close counted; saved with the close, in its transaction.</summary>
    public static async Task<RoundCount> RecordCountAsync(this ISalamDbContext db, PriorityRound round, IReadOnlyList<Ballot> ballots, CountOutcome outcome,
        CancellationToken cancellationToken)
    {
        var file = await db.BallotFileAsync(round, ballots, cancellationToken);
        var record = new RoundCount(round.Id, round.Method, round.MaxRanks, round.Budget,
            ballots.Count(b => b.Channel == BallotChannel.Online), ballots.Count(b => b.Channel == BallotChannel.Paper),
            file.Sha256, CodeVersion, round.ClosedAt!.Value, CountDetails.Of(outcome).ToJson());
        db.RoundCounts.Add(record);
        return record;
    }
}
