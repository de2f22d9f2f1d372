using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

/// <summary>The worked examples of equalshares.net (docs/explanation.mdx of github.com/equalshares/equalshares.net).</summary>
public sealed class EqualSharesExampleTests
{
    private const int Bike = 1, Gym = 2, Park = 3, Playground = 4, Library = 5;
    private readonly EqualSharesCount _method = new();

    // "Suppose the overall budget is 1100, and there are 11 voters." Costs: bike path 700, outdoor gym 400,
    // new park 250, new playground 200, library for kids 100. Voters 1–11, left to right in the page's table.
    private static readonly CountedNeed[] Needs =
        [new(Bike, 700), new(Gym, 400), new(Park, 250), new(Playground, 200), new(Library, 100)];

    /// <summary>Example 1: bike 1–6 and 11; gym 1–6; park 2, 4, 5, 7, 10; playground 7–10; library 7, 9, 10.</summary>
    private static CountInput Example1 => Input(
        [[Bike, Gym], [Bike, Gym, Park], [Bike, Gym], [Bike, Gym, Park], [Bike, Gym, Park], [Bike, Gym],
         [Park, Playground, Library], [Playground], [Playground, Library], [Park, Playground, Library], [Bike]]);

    /// <summary>Example 2: as example 1, but the right-most voter votes for the gym instead of the bike path.</summary>
    private static CountInput Example2 => Input(
        [[Bike, Gym], [Bike, Gym, Park], [Bike, Gym], [Bike, Gym, Park], [Bike, Gym, Park], [Bike, Gym],
         [Park, Playground, Library], [Playground], [Playground, Library], [Park, Playground, Library], [Gym]]);

    [Fact]
    public void Example_1_funds_the_bike_path_then_the_playground_then_the_library()
    {
        // "each voter gets assigned a share of 100"; the bike path's 7 voters pay 100 each; the playground's 4 pay 50;
        // the library's 3 pay 33.3. "None of the remaining projects can be afforded": 1000 spent, 100 left, and
        // neither the gym (400) nor the park (250) fits in it, so the outcome is exhaustive and Add1 stops at 100.
        var outcome = _method.Count(Example1);

        Assert.Equal([Bike, Playground, Library, Gym, Park], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([true, true, true, false, false], outcome.Results.Select(r => r.Funded!.Value));
        Assert.Equal([7, 4, 3, 6, 5], outcome.Results.Select(r => r.Score));
        Assert.Equal([[Bike], [Playground], [Library], [Gym, Park]], outcome.MethodOrder);
        var details = outcome.EqualShares!;
        Assert.Equal((1100L, 11, 100L, 100L, 1000L),
            (details.Budget, details.Voters, details.PerVoterStart, details.PerVoterFinal, details.TotalCost));
        // The gym's supporters spent everything on the bike path; the park's hold 16.7 + 16.7 (voters 7 and 10).
        Assert.Equal(new EqualSharesLine(Gym, 400, 6, false, null, UnfundedReason.SupportersShareTooSmall, 0), details.Lines[1]);
        Assert.Equal(new EqualSharesLine(Park, 250, 5, false, null, UnfundedReason.SupportersShareTooSmall, 33), details.Lines[2]);
        Assert.Equal(new EqualSharesLine(Library, 100, 3, true, 3, null, null), details.Lines[4]);
    }

    [Fact]
    public void Example_2_at_100_each_funds_the_gym_then_the_park_then_the_playground()
    {
        // The page's run at 100 per voter: the gym's 7 voters pay 400/7 = 57.14; the bike path's 6 supporters hold
        // 6 × 43 = 258 < 700; the park's effective vote count 4.1 (250 ÷ 60 5/7) beats the playground's 4; then the
        // playground (200 ÷ 60 5/7 = 3.29, "3.2" on the page) beats the library's 3; then nothing is affordable.
        var outcome = _method.CountAt(Example2, 100);

        Assert.Equal([[Gym], [Park], [Playground], [Bike, Library]], outcome.MethodOrder);
        var details = outcome.EqualShares!;
        Assert.Equal(850, details.TotalCost);
        // Library: voters 7 and 10 are at 0, voter 9 keeps 100 − 60 5/7 = 39 2/7. Bike: voters 1, 3, 6 keep 42 6/7 each.
        Assert.Equal(39, details.Lines[4].SupportersMoneyLeft);
        Assert.Equal(128, details.Lines[0].SupportersMoneyLeft);
    }

    [Fact]
    public void Example_2_completed_by_Add1_adds_the_library_at_117_each()
    {
        // At 100 the outcome (850) is not exhaustive: the library (100) fits in the 250 left, so Add1 raises the share.
        // From 116 on, the park's 5 supporters can split 250 equally (50 each ≤ 116 − 57.14), and after the playground
        // (50 each) the library's supporters hold 16 + 66 + 16 = 98 < 100 at 116 but 17 + 67 + 17 = 101 at 117:
        // gym, park, playground, library = 950, and the bike path (700) no longer fits, so the outcome is exhaustive.
        var outcome = _method.Count(Example2);

        Assert.Equal([[Gym], [Park], [Playground], [Library], [Bike]], outcome.MethodOrder);
        var details = outcome.EqualShares!;
        Assert.Equal((100L, 117L, 950L), (details.PerVoterStart, details.PerVoterFinal, details.TotalCost));
        var oracle = EqualSharesOracle.Count(Example2);
        Assert.Equal(oracle.FundedNeedIds, outcome.Results.Where(r => r.Funded == true).Select(r => r.NeedId));
        Assert.Equal(oracle.PerVoterFinal, details.PerVoterFinal);
    }

    private static CountInput Input(int[][] ballots) =>
        new(5, Needs, ballots.Select(b => RankedBallot.Strict(b)).ToList(), 1100);
}
