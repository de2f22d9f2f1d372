namespace Salam.Domain.Rounds.Counting;

public enum CountingMethod { Borda = 0, Schulze = 1, EqualShares = 2 }

/// <summary>Turns ranked ballots into positions. The app, the recount and tools/Salam.Count all count through here.</summary>
public interface ICountingMethod
{
    CountingMethod Method { get; }

    CountOutcome Count(CountInput input);
}

/// <param name="MaxRanks">K, the number of ranks a ballot may hold.</param>
/// <param name="Needs">The round's needs, earliest approved first (the last tie-break), with their costs.</param>
/// <param name="Ballots">One per voter.</param>
/// <param name="Budget">The envelope in whole rials (or the file's currency units); equal shares only.</param>
public sealed record CountInput(int MaxRanks, IReadOnlyList<CountedNeed> Needs, IReadOnlyList<RankedBallot> Ballots, long? Budget = null)
{
    public static CountInput Ranked(int maxRanks, IReadOnlyList<int> needIdsInApprovalOrder, IEnumerable<IReadOnlyList<int>> ballots) =>
        new(maxRanks, needIdsInApprovalOrder.Select(id => new CountedNeed(id)).ToList(), ballots.Select(RankedBallot.Strict).ToList());
}

/// <summary>A need as the count sees it: its id and, for equal shares, its cost (whole units, at least 1).</summary>
public sealed record CountedNeed(int NeedId, long? Cost = null);

/// <summary>
/// One voter's ranking as groups, best first; needs in one group are tied (PrefLib .toi). An app ballot is all single needs.
/// Needs the ballot does not name sit below every named need, tied with each other.
/// </summary>
public sealed record RankedBallot(IReadOnlyList<IReadOnlyList<int>> Groups)
{
    public static RankedBallot Strict(IReadOnlyList<int> rankedNeedIds) => new(rankedNeedIds.Select(id => (IReadOnlyList<int>)[id]).ToList());

    /// <summary>Every need the voter named (for equal shares: the needs they support).</summary>
    public IEnumerable<int> Named => Groups.SelectMany(g => g);
}

/// <param name="Results">Every need's position after the round's tie-breaks (1 = top), as stored on the round.</param>
/// <param name="MethodOrder">
/// The order the method itself gives, before any tie-break: groups best first, need ids ascending inside a group.
/// For equal shares: the funded needs in selection order, one per group, then one group of the unfunded.
/// </param>
public sealed record CountOutcome(IReadOnlyList<RoundResult> Results, IReadOnlyList<IReadOnlyList<int>> MethodOrder,
    SchulzeDetails? Schulze = null, EqualSharesDetails? EqualShares = null);

/// <summary>The pairwise matrix d and the strongest paths p, indexed by position in <paramref name="NeedIds"/> (approval order).</summary>
public sealed record SchulzeDetails(IReadOnlyList<int> NeedIds, IReadOnlyList<IReadOnlyList<int>> Pairwise, IReadOnlyList<IReadOnlyList<int>> StrongestPaths);

/// <param name="PerVoterStart">floor(budget ÷ voters), where Add1 starts.</param>
/// <param name="PerVoterFinal">The per-voter amount of the outcome chosen.</param>
public sealed record EqualSharesDetails(long Budget, int Voters, long PerVoterStart, long PerVoterFinal, long TotalCost, IReadOnlyList<EqualSharesLine> Lines);

/// <param name="SelectionOrder">1 for the first need funded, …; null when unfunded.</param>
/// <param name="SupportersMoneyLeft">For an unfunded need: what its supporters had left at the end (rounded down), against its cost.</param>
public sealed record EqualSharesLine(int NeedId, long Cost, int Supporters, bool Funded, int? SelectionOrder, UnfundedReason? Reason, long? SupportersMoneyLeft);

public enum UnfundedReason
{
    /// <summary>Nobody ranked it.</summary>
    NoSupporters = 0,
    /// <summary>Its supporters' remaining shares could not cover its cost.</summary>
    SupportersShareTooSmall = 1,
}

public static class CountingMethodExtensions
{
    /// <summary>Counts strict rankings and returns the positions only: the short form for ranked methods and tests.</summary>
    public static IReadOnlyList<RoundResult> Count(this ICountingMethod method, int maxRanks, IReadOnlyList<int> needIdsInApprovalOrder,
        IReadOnlyList<IReadOnlyList<int>> ballots) =>
        method.Count(CountInput.Ranked(maxRanks, needIdsInApprovalOrder, ballots)).Results;
}
