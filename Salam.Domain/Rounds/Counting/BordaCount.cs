namespace Salam.Domain.Rounds.Counting;

/// <summary>Borda: rank 1 earns K points … rank K earns 1. Ties go to more first places, then to the earlier approved need.</summary>
public sealed class BordaCount : ICountingMethod
{
    public CountingMethod Method => CountingMethod.Borda;

    public IReadOnlyList<RoundResult> Count(int maxRanks, IReadOnlyList<int> needIdsInApprovalOrder, IReadOnlyList<IReadOnlyList<int>> ballots)
    {
        var tallies = needIdsInApprovalOrder
            .Select((needId, order) => new Tally(needId, order))
            .ToDictionary(t => t.NeedId);

        foreach (var ballot in ballots)
        {
            for (var rank = 1; rank <= ballot.Count && rank <= maxRanks; rank++)
            {
                if (!tallies.TryGetValue(ballot[rank - 1], out var tally)) continue;
                tally.Score += maxRanks - rank + 1;
                if (rank == 1) tally.FirstPlaces++;
            }
        }

        return tallies.Values
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.FirstPlaces)
            .ThenBy(t => t.ApprovalOrder)
            .Select((t, index) => new RoundResult(t.NeedId, t.Score, t.FirstPlaces, index + 1))
            .ToList();
    }

    private sealed class Tally(int needId, int approvalOrder)
    {
        public int NeedId { get; } = needId;
        public int ApprovalOrder { get; } = approvalOrder;
        public int Score { get; set; }
        public int FirstPlaces { get; set; }
    }
}
