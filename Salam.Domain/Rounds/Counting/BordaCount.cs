namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// Borda: rank r earns K − r + 1 points (rank 1 earns K), unnamed needs 0; a tied group (.toi) earns its first rank's points.
/// Ties go to more first places, then to the earlier approved need.
/// </summary>
public sealed class BordaCount : ICountingMethod
{
    public CountingMethod Method => CountingMethod.Borda;

    public CountOutcome Count(CountInput input)
    {
        var tallies = input.Needs
            .Select((need, order) => new Tally(need.NeedId, order))
            .ToDictionary(t => t.NeedId);

        foreach (var ballot in input.Ballots)
        {
            var rank = 1;
            foreach (var group in ballot.Groups)
            {
                if (rank > input.MaxRanks) break;
                foreach (var needId in group)
                {
                    if (!tallies.TryGetValue(needId, out var tally)) continue;
                    tally.Score += input.MaxRanks - rank + 1;
                    if (rank == 1) tally.FirstPlaces++;
                }
                rank += group.Count;
            }
        }

        var results = tallies.Values
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.FirstPlaces)
            .ThenBy(t => t.ApprovalOrder)
            .Select((t, index) => new RoundResult(t.NeedId, t.Score, t.FirstPlaces, index + 1))
            .ToList();
        var methodOrder = tallies.Values
            .GroupBy(t => t.Score)
            .OrderByDescending(g => g.Key)
            .Select(g => (IReadOnlyList<int>)g.Select(t => t.NeedId).Order().ToList())
            .ToList();
        return new CountOutcome(results, methodOrder);
    }

    private sealed class Tally(int needId, int approvalOrder)
    {
        public int NeedId { get; } = needId;
        public int ApprovalOrder { get; } = approvalOrder;
        public int Score { get; set; }
        public int FirstPlaces { get; set; }
    }
}
