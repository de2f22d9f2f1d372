namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// Schulze: d[x][y] counts ballots ranking x strictly above y (needs a ballot does not name sit below every named need,
/// tied with each other); the strongest paths are the widest paths through links d[x][y] that beat d[y][x];
/// x beats y when p[x][y] &gt; p[y][x]. Needs left level by the method go to more first places, then the earlier approved need.
/// </summary>
public sealed class SchulzeCount : ICountingMethod
{
    public CountingMethod Method => CountingMethod.Schulze;

    public CountOutcome Count(CountInput input)
    {
        var needs = input.Needs;
        var n = needs.Count;
        var indexOf = CountedBallots.IndexOf(needs);
        var pairwise = new int[n, n];
        var firstPlaces = new int[n];

        foreach (var ballot in input.Ballots)
        {
            // Unnamed needs share the rank after every named one.
            var group = Enumerable.Repeat(int.MaxValue, n).ToArray();
            foreach (var (need, groupNumber) in CountedBallots.Within(ballot, input.MaxRanks, indexOf))
            {
                group[need] = groupNumber;
                if (groupNumber == 0) firstPlaces[need]++;
            }
            for (var x = 0; x < n; x++)
                for (var y = 0; y < n; y++)
                    if (group[x] < group[y]) pairwise[x, y]++;
        }

        var paths = StrongestPaths(pairwise, n);
        var wins = new int[n];
        for (var x = 0; x < n; x++)
            for (var y = 0; y < n; y++)
                if (Beats(paths, x, y)) wins[x]++;

        var order = MethodOrder(paths, n);
        var results = new List<RoundResult>(n);
        foreach (var tied in order)
            foreach (var need in tied.OrderByDescending(i => firstPlaces[i]).ThenBy(i => i))
                results.Add(new RoundResult(needs[need].NeedId, wins[need], firstPlaces[need], results.Count + 1));

        var methodOrder = order
            .Select(tied => (IReadOnlyList<int>)tied.Select(i => needs[i].NeedId).Order().ToList())
            .ToList();
        var details = new SchulzeDetails(needs.Select(need => need.NeedId).ToList(), Rows(pairwise, n), Rows(paths, n));
        return new CountOutcome(results, methodOrder, Schulze: details);
    }

    private static bool Beats(int[,] paths, int x, int y) => paths[x, y] > paths[y, x];

    /// <summary>Widest paths (Floyd–Warshall with min along a path, max across paths), starting from the winning links only.</summary>
    private static int[,] StrongestPaths(int[,] pairwise, int n)
    {
        var paths = new int[n, n];
        for (var x = 0; x < n; x++)
            for (var y = 0; y < n; y++)
                if (x != y && pairwise[x, y] > pairwise[y, x]) paths[x, y] = pairwise[x, y];

        for (var via = 0; via < n; via++)
            for (var x = 0; x < n; x++)
            {
                if (x == via) continue;
                for (var y = 0; y < n; y++)
                {
                    if (y == via || y == x) continue;
                    paths[x, y] = Math.Max(paths[x, y], Math.Min(paths[x, via], paths[via, y]));
                }
            }
        return paths;
    }

    /// <summary>Groups best first: each group is every remaining need that no remaining need beats.</summary>
    private static List<List<int>> MethodOrder(int[,] paths, int n)
    {
        var remaining = Enumerable.Range(0, n).ToList();
        var order = new List<List<int>>();
        while (remaining.Count > 0)
        {
            var unbeaten = remaining.Where(x => !remaining.Any(y => Beats(paths, y, x))).ToList();
            // The beat relation of strongest paths is transitive, so some remaining need is always unbeaten.
            if (unbeaten.Count == 0) throw new InvalidOperationException("Schulze found a cycle among strongest paths.");
            order.Add(unbeaten);
            remaining.RemoveAll(unbeaten.Contains);
        }
        return order;
    }

    private static IReadOnlyList<IReadOnlyList<int>> Rows(int[,] matrix, int n) =>
        Enumerable.Range(0, n).Select(x => (IReadOnlyList<int>)Enumerable.Range(0, n).Select(y => matrix[x, y]).ToList()).ToList();
}
