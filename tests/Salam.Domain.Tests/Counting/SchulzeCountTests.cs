using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

public sealed class SchulzeCountTests
{
    private const int A = 1, B = 2, C = 3, D = 4, E = 5;
    private readonly SchulzeCount _schulze = new();

    [Fact]
    public void The_45_voter_example_gives_E_A_C_B_D_with_the_published_matrices()
    {
        // Wikipedia "Schulze method" / electowiki: 45 voters, 5 candidates.
        var ballots = Profile(
            (5, [A, C, B, E, D]), (5, [A, D, E, C, B]), (8, [B, E, D, A, C]), (3, [C, A, B, E, D]),
            (7, [C, A, E, B, D]), (2, [C, B, A, D, E]), (7, [D, C, E, B, A]), (8, [E, B, A, D, C]));

        var outcome = _schulze.Count(new CountInput(5, Needs(A, B, C, D, E), ballots));

        Assert.Equal([E, A, C, B, D], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([4, 3, 2, 1, 0], outcome.Results.Select(r => r.Score));
        Assert.Equal([1, 2, 3, 4, 5], outcome.Results.Select(r => r.Position));
        Assert.Equal([[E], [A], [C], [B], [D]], outcome.MethodOrder);
        var details = outcome.Schulze!;
        Assert.Equal([A, B, C, D, E], details.NeedIds);
        // The published d[*,*] (rows A..E; the diagonal is 0 here, "—" there).
        Assert.Equal(
            [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]],
            details.Pairwise);
        // The published p[*,*].
        Assert.Equal(
            [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24], [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]],
            details.StrongestPaths);
        Assert.All(outcome.Results, r => Assert.Null(r.Funded));
        Assert.Equal([(A, 10), (B, 8), (C, 12), (D, 7), (E, 8)], outcome.Results.OrderBy(r => r.NeedId).Select(r => (r.NeedId, r.FirstPlaces)));
    }

    [Fact]
    public void Needs_the_method_leaves_tied_go_to_more_first_places_then_the_earlier_approved_need()
    {
        // A>B and C>B>A: every pair is level (A–B 1:1, A–C 1:1, B–C 1:1), so one group {A, B, C}.
        // First places: A 1, C 1, B 0; C was approved before A.
        var outcome = _schulze.Count(CountInput.Ranked(3, [B, C, A], [[A, B], [C, B, A]]));

        Assert.Equal([[A, B, C]], outcome.MethodOrder);
        Assert.Equal([C, A, B], outcome.Results.Select(r => r.NeedId));
        Assert.All(outcome.Results, r => Assert.Equal(0, r.Score));
    }

    [Fact]
    public void Two_opposite_ballots_tie_and_both_beat_a_need_neither_ranked()
    {
        var outcome = _schulze.Count(CountInput.Ranked(3, [B, A, C], [[A, B], [B, A]]));

        Assert.Equal([[A, B], [C]], outcome.MethodOrder);
        Assert.Equal([B, A, C], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([1, 1, 0], outcome.Results.Select(r => r.Score));
    }

    [Fact]
    public void No_ballots_leave_every_need_level_in_approval_order()
    {
        var outcome = _schulze.Count(CountInput.Ranked(3, [C, A, B], []));

        Assert.Equal([C, A, B], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([[A, B, C]], outcome.MethodOrder);
        Assert.All(outcome.Schulze!.Pairwise.SelectMany(row => row), cell => Assert.Equal(0, cell));
        Assert.All(outcome.Results, r => Assert.Equal((0, 0), (r.Score, r.FirstPlaces)));
    }

    [Fact]
    public void One_voter_decides_the_whole_order_and_unranked_needs_tie_last()
    {
        var outcome = _schulze.Count(CountInput.Ranked(4, [A, B, C, D], [[C, A]]));

        Assert.Equal([[C], [A], [B, D]], outcome.MethodOrder);
        Assert.Equal([C, A, B, D], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([3, 2, 0, 0], outcome.Results.Select(r => r.Score));
    }

    [Fact]
    public void A_need_nobody_ranked_comes_last_beating_nothing()
    {
        // D was approved first but nobody ranked it: every ranked need beats it.
        var outcome = _schulze.Count(CountInput.Ranked(2, [D, A, B], [[A, B], [B, A], [A]]));

        Assert.Equal([A, B, D], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([[A], [B], [D]], outcome.MethodOrder);
        Assert.Equal((0, 0), (outcome.Results[2].Score, outcome.Results[2].FirstPlaces));
    }

    [Fact]
    public void Needs_in_one_tied_group_are_ranked_above_the_rest_but_not_above_each_other()
    {
        // Two .toi ballots "A,B tied > C" and one "C > A": d[A][B] = 1 (only the third ballot names A and not B).
        RankedBallot tied = new([[A, B], [C]]);
        var input = new CountInput(3, Needs(A, B, C), [tied, tied, RankedBallot.Strict([C, A])]);

        var outcome = _schulze.Count(input);

        Assert.Equal([[0, 1, 2], [0, 0, 2], [1, 1, 0]], outcome.Schulze!.Pairwise);
        Assert.Equal([[A], [B], [C]], outcome.MethodOrder);
        Assert.Equal([2, 2, 1], outcome.Results.OrderBy(r => r.NeedId).Select(r => r.FirstPlaces));
    }

    [Fact]
    public void Groups_starting_after_rank_K_are_ignored()
    {
        // K = 1: B on the second rank does not count, so B and C stay level below A.
        var outcome = _schulze.Count(CountInput.Ranked(1, [A, B, C], [[A, B]]));

        Assert.Equal([[A], [B, C]], outcome.MethodOrder);
        Assert.Equal(0, outcome.Schulze!.Pairwise[1][2]);
    }

    [Fact]
    public void The_Condorcet_winner_when_there_is_one_comes_first_in_random_profiles()
    {
        var random = new Random(14);
        var withWinner = 0;
        for (var trial = 0; trial < 500; trial++)
        {
            var needs = Enumerable.Range(1, random.Next(1, 7)).ToArray();
            var ballots = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => RandomBallot(random, needs))
                .ToList();
            var outcome = _schulze.Count(new CountInput(needs.Length, Needs(needs), ballots));

            var d = outcome.Schulze!.Pairwise;
            var winner = Enumerable.Range(0, needs.Length)
                .Where(x => Enumerable.Range(0, needs.Length).All(y => y == x || d[x][y] > d[y][x]))
                .Select(x => (int?)needs[x]).SingleOrDefault();
            Assert.Equal(needs.Order(), outcome.MethodOrder.SelectMany(g => g).Order());
            if (winner is null) continue;
            withWinner++;
            Assert.Equal(winner, outcome.Results[0].NeedId);
            Assert.Equal([winner.Value], outcome.MethodOrder[0]);
            Assert.Equal(needs.Length - 1, outcome.Results[0].Score);
        }
        Assert.True(withWinner > 100, $"only {withWinner} profiles had a Condorcet winner");
    }

    /// <summary>A random .toi-style ballot: a random subset of the needs, shuffled, cut into tied groups.</summary>
    private static RankedBallot RandomBallot(Random random, int[] needs)
    {
        var named = needs.Where(_ => random.Next(3) > 0).ToArray();
        random.Shuffle(named);
        var groups = new List<IReadOnlyList<int>>();
        for (var i = 0; i < named.Length;)
        {
            var size = random.Next(4) == 0 ? random.Next(1, 3) + 1 : 1;
            groups.Add(named.Skip(i).Take(size).ToList());
            i += size;
        }
        return new RankedBallot(groups);
    }

    private static List<CountedNeed> Needs(params int[] ids) => ids.Select(id => new CountedNeed(id)).ToList();

    private static List<RankedBallot> Profile(params (int Voters, int[] Ranking)[] rows) =>
        rows.SelectMany(row => Enumerable.Repeat(RankedBallot.Strict(row.Ranking), row.Voters)).ToList();
}
