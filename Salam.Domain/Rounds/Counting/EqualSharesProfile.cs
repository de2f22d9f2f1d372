using Salam.Domain.Common;

namespace Salam.Domain.Rounds.Counting;

/// <summary>What equal shares reads from the ballots: each need's cost, its supporters (voters naming it within K) and first places.</summary>
internal sealed class EqualSharesProfile
{
    private EqualSharesProfile(long budget, long[] costs, int[][] supporters, int[] firstPlaces, int voters)
    {
        Budget = budget;
        Costs = costs;
        Supporters = supporters;
        FirstPlaces = firstPlaces;
        Voters = voters;
    }

    public long Budget { get; }
    /// <summary>Indexed like the input's needs (approval order).</summary>
    public long[] Costs { get; }
    /// <summary>Voter numbers 0..Voters−1 of each need's supporters.</summary>
    public int[][] Supporters { get; }
    public int[] FirstPlaces { get; }
    /// <summary>Ballots naming at least one of the needs within K; a ballot naming none changes nothing.</summary>
    public int Voters { get; }
    public int Needs => Costs.Length;

    public static EqualSharesProfile Read(CountInput input)
    {
        if (input.Budget is not >= 1) throw new DomainException("Count.BudgetRequired");
        if (input.Needs.Any(need => need.Cost is not >= 1)) throw new DomainException("Count.CostMissing");

        var indexOf = CountedBallots.IndexOf(input.Needs);
        var supporters = input.Needs.Select(_ => new List<int>()).ToArray();
        var firstPlaces = new int[input.Needs.Count];
        var voters = 0;
        foreach (var ballot in input.Ballots)
        {
            var named = CountedBallots.Within(ballot, input.MaxRanks, indexOf);
            if (named.Count == 0) continue;
            foreach (var (need, group) in named)
            {
                supporters[need].Add(voters);
                if (group == 0) firstPlaces[need]++;
            }
            voters++;
        }
        return new EqualSharesProfile(input.Budget.Value, input.Needs.Select(need => need.Cost!.Value).ToArray(),
            supporters.Select(list => list.ToArray()).ToArray(), firstPlaces, voters);
    }

    /// <summary>Whether need a goes before need b when their cost ÷ payment is level: lower cost, more supporters, more first places, earlier approval.</summary>
    public bool PrecedesOnTie(int a, int b) =>
        Costs[a] != Costs[b] ? Costs[a] < Costs[b]
        : Supporters[a].Length != Supporters[b].Length ? Supporters[a].Length > Supporters[b].Length
        : FirstPlaces[a] != FirstPlaces[b] ? FirstPlaces[a] > FirstPlaces[b]
        : a < b;
}
