namespace Salam.Domain.Rounds.Counting;

/// <summary>Reads ballots the way every method counts them: only groups that start within the first K ranks, only the round's needs.</summary>
internal static class CountedBallots
{
    /// <summary>The needs this ballot names within K, as (index in <paramref name="indexOf"/>, group number from 0); a need named twice keeps its first place.</summary>
    public static List<(int Need, int Group)> Within(RankedBallot ballot, int maxRanks, IReadOnlyDictionary<int, int> indexOf)
    {
        var named = new List<(int Need, int Group)>();
        var seen = new HashSet<int>();
        var rank = 1;
        var groupNumber = 0;
        foreach (var group in ballot.Groups)
        {
            if (rank > maxRanks) break;
            foreach (var needId in group)
                if (indexOf.TryGetValue(needId, out var index) && seen.Add(index))
                    named.Add((index, groupNumber));
            rank += group.Count;
            groupNumber++;
        }
        return named;
    }

    /// <summary>Need id → its position in approval order.</summary>
    public static Dictionary<int, int> IndexOf(IReadOnlyList<CountedNeed> needs) =>
        needs.Select((need, index) => (need.NeedId, index)).ToDictionary(p => p.NeedId, p => p.index);
}
