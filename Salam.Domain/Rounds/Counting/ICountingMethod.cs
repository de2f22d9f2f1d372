namespace Salam.Domain.Rounds.Counting;

public enum CountingMethod { Borda = 0 }

/// <summary>Turns ranked ballots into positions; other methods (Schulze, budget-constrained) plug in here.</summary>
public interface ICountingMethod
{
    CountingMethod Method { get; }

    /// <param name="maxRanks">K, the number of ranks a ballot may hold.</param>
    /// <param name="needIdsInApprovalOrder">The round's needs, earliest approved first (the last tie-break).</param>
    /// <param name="ballots">Each ballot's need ids, rank 1 first.</param>
    IReadOnlyList<RoundResult> Count(int maxRanks, IReadOnlyList<int> needIdsInApprovalOrder, IReadOnlyList<IReadOnlyList<int>> ballots);
}
