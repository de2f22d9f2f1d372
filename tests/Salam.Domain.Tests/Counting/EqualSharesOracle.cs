using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

/// <summary>
/// The Method of Equal Shares written the plain way, as a test oracle for <see cref="EqualSharesCount"/>: money per voter
/// as rationals, the water level found by sorting, completion by stepping the per-voter amount by exactly 1.
/// Slow but obviously what the rules say; only for small instances.
/// </summary>
internal static class EqualSharesOracle
{
    public sealed record Answer(IReadOnlyList<int> FundedNeedIds, long PerVoterFinal);

    public static Answer Count(CountInput input)
    {
        var budget = input.Budget!.Value;
        var needs = input.Needs.Select(n => n.NeedId).ToList();
        var supportSets = input.Ballots.Select(b => Supported(b, input.MaxRanks, needs)).Where(s => s.Count > 0).ToList();
        var voters = supportSets.Count;
        if (voters == 0) return new Answer([], 0);
        long Cost(int id) => input.Needs.Single(n => n.NeedId == id).Cost!.Value;
        List<int> SupportersOf(int id) => Enumerable.Range(0, voters).Where(v => supportSets[v].Contains(id)).ToList();
        int FirstPlaces(int id) => input.Ballots.Count(b => b.Groups.Count > 0 && b.Groups[0].Contains(id));
        var supported = needs.Where(id => SupportersOf(id).Count > 0).ToList();

        List<int> Run(long perVoter)
        {
            var money = Enumerable.Repeat((Rational)perVoter, voters).ToArray();
            var funded = new List<int>();
            while (true)
            {
                (int Id, Rational Alpha)? best = null;
                foreach (var id in supported.Except(funded))
                {
                    var mine = SupportersOf(id).Select(v => money[v]).Order().ToList();
                    if (mine.Aggregate(Rational.Zero, (s, m) => s + m) < Cost(id)) continue;
                    Rational left = Cost(id);
                    var alpha = Rational.Zero;
                    for (var i = 0; i < mine.Count; i++)
                    {
                        var share = left / (mine.Count - i);
                        if (mine[i] >= share) { alpha = share; break; }
                        left -= mine[i];
                    }
                    if (best is null || Wins(id, alpha, best.Value.Id, best.Value.Alpha)) best = (id, alpha);
                }
                if (best is null) return funded;
                foreach (var v in SupportersOf(best.Value.Id))
                    money[v] -= money[v] < best.Value.Alpha ? money[v] : best.Value.Alpha;
                funded.Add(best.Value.Id);
            }
        }

        bool Wins(int a, Rational alphaA, int b, Rational alphaB)
        {
            var ratio = ((Rational)Cost(a) / alphaA).CompareTo((Rational)Cost(b) / alphaB);
            if (ratio != 0) return ratio > 0;
            if (Cost(a) != Cost(b)) return Cost(a) < Cost(b);
            if (SupportersOf(a).Count != SupportersOf(b).Count) return SupportersOf(a).Count > SupportersOf(b).Count;
            if (FirstPlaces(a) != FirstPlaces(b)) return FirstPlaces(a) > FirstPlaces(b);
            return needs.IndexOf(a) < needs.IndexOf(b);
        }

        var allCost = supported.Sum(Cost);
        if (allCost <= budget)
        {
            var enough = Math.Max(budget / voters, allCost);
            return new Answer(Run(enough), enough);
        }
        var previous = (Funded: (List<int>?)null, PerVoter: 0L);
        for (var perVoter = budget / voters; ; perVoter++)
        {
            var funded = Run(perVoter);
            var cost = funded.Sum(Cost);
            if (cost > budget) return new Answer(previous.Funded!, previous.PerVoter);
            if (!supported.Except(funded).Any(id => Cost(id) <= budget - cost)) return new Answer(funded, perVoter);
            previous = (funded, perVoter);
        }
    }

    private static HashSet<int> Supported(RankedBallot ballot, int maxRanks, List<int> needs)
    {
        var named = new HashSet<int>();
        var rank = 1;
        foreach (var group in ballot.Groups)
        {
            if (rank > maxRanks) break;
            named.UnionWith(group.Where(needs.Contains));
            rank += group.Count;
        }
        return named;
    }
}
