using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Rounds.Commands.SubmitBallot;

/// <summary>The rank a resident gave one need on the ballot's form (one card per need); null when they gave it none.</summary>
public sealed record NeedRank(int NeedId, int? Rank);

/// <summary>Two or more needs given the same rank: the resident is told which rank and which needs.</summary>
public sealed record RankClash(int Rank, IReadOnlyList<int> NeedIds);

/// <summary>
/// The ballot form's ranks per need turned into the ranking <see cref="SubmitBallot"/> takes (need ids, rank 1 first), or the
/// first thing the resident must fix: a rank given to two needs, or an empty rank above a chosen one. Both are answered before
/// anything is sent, so the page can name the rank and the needs.
/// </summary>
public sealed record NeedRanking(IReadOnlyList<int> RankedNeedIds, RankClash? Clash, int? MissingRank)
{
    public bool IsComplete => Clash is null && MissingRank is null;

    public static NeedRanking From(IEnumerable<NeedRank> choices)
    {
        var chosen = choices.Where(c => c.Rank is not null).Select(c => (c.NeedId, Rank: c.Rank!.Value)).ToList();
        // Only a tampered form sends a rank below 1: the options run from 1.
        if (chosen.Any(c => c.Rank < 1))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Ranks"] = [Text.Get("Ballot.GapInRanks")] });
        var clash = chosen.GroupBy(c => c.Rank).Where(g => g.Count() > 1).OrderBy(g => g.Key)
            .Select(g => new RankClash(g.Key, g.Select(c => c.NeedId).ToList())).FirstOrDefault();
        if (clash is not null) return new([], clash, null);
        var top = chosen.Count == 0 ? 0 : chosen.Max(c => c.Rank);
        var missing = Enumerable.Range(1, top).Cast<int?>().FirstOrDefault(rank => chosen.All(c => c.Rank != rank));
        if (missing is not null) return new([], null, missing);
        return new(chosen.OrderBy(c => c.Rank).Select(c => c.NeedId).ToList(), null, null);
    }
}
