using Salam.Domain.Common;
using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

public sealed class EqualSharesCountTests
{
    private const int A = 1, B = 2, C = 3, X = 4, Y = 5, Z = 6;
    private readonly EqualSharesCount _method = new();

    [Fact]
    public void One_voter_funds_the_cheaper_of_two_level_needs_and_stops_when_nothing_else_fits()
    {
        // Budget 100, one voter ranking A (60) then B (50); C (30) unranked. A and B each have cost ÷ payment = 1:
        // the tie goes to the lower cost, B. The voter keeps 50 < 60, A no longer fits in the 50 left: exhaustive.
        var outcome = _method.Count(Input(100, [new(A, 60), new(B, 50), new(C, 30)], [A, B]));

        Assert.Equal([B, A, C], outcome.Results.Select(r => r.NeedId));
        Assert.Equal([true, false, false], outcome.Results.Select(r => r.Funded!.Value));
        Assert.Equal([1, 1, 0], outcome.Results.Select(r => r.Score));
        Assert.Equal([0, 1, 0], outcome.Results.Select(r => r.FirstPlaces));
        var lines = outcome.EqualShares!.Lines;
        Assert.Equal(new EqualSharesLine(A, 60, 1, false, null, UnfundedReason.SupportersShareTooSmall, 50), lines[0]);
        Assert.Equal(new EqualSharesLine(C, 30, 0, false, null, UnfundedReason.NoSupporters, null), lines[2]);
        Assert.Equal((1, 100L, 100L, 50L), (outcome.EqualShares.Voters, outcome.EqualShares.PerVoterStart,
            outcome.EqualShares.PerVoterFinal, outcome.EqualShares.TotalCost));
    }

    [Fact]
    public void A_need_nobody_ranked_is_unfunded_for_having_no_supporters_and_comes_last()
    {
        var outcome = _method.Count(Input(90, [new(C, 10), new(A, 40), new(B, 40)], [A], [B], [A, B]));

        Assert.Equal(C, outcome.Results[^1].NeedId);
        Assert.Equal([C], outcome.MethodOrder[^1]);
        Assert.Equal(UnfundedReason.NoSupporters, outcome.EqualShares!.Lines[0].Reason);
    }

    [Fact]
    public void When_every_supported_need_fits_all_are_funded_by_number_of_supporters()
    {
        // 100 + 200 + 300 ≤ 1000: one run with enough money, equal splits, so cost ÷ payment = supporters.
        var outcome = _method.Count(Input(1000, [new(A, 300), new(B, 200), new(C, 100), new(Z, 50)], [A], [B, C], [C, B], [C]));

        Assert.Equal([[C], [B], [A], [Z]], outcome.MethodOrder);
        Assert.Equal([true, true, true, false], outcome.Results.Select(r => r.Funded!.Value));
        var details = outcome.EqualShares!;
        Assert.Equal((250L, 600L, 600L), (details.PerVoterStart, details.PerVoterFinal, details.TotalCost));
    }

    [Fact]
    public void A_level_cost_per_payment_goes_to_the_lower_cost_then_to_more_supporters_before_first_places()
    {
        // 10 each for voters 1–7. Z (32, voters 3, 4, 6, 7) goes first: 32 ÷ 8 = 4. Then voters 3 and 4 hold 2.
        // Y (8, voters 3, 4, 5): 3 and 4 pay their 2, voter 5 pays 4, so 8 ÷ 4 = 2. X (8, voters 1, 2): 8 ÷ 4 = 2.
        // Level, same cost: Y has 3 supporters to X's 2, though X has 2 first places to Y's 1 and was approved first.
        CountedNeed[] needs = [new(X, 8), new(Y, 8), new(Z, 32)];
        var input = Input(70, needs, [X], [X], [Z, Y], [Z, Y], [Y], [Z], [Z]);

        var outcome = _method.CountAt(input, 10);

        Assert.Equal([[Z], [Y], [X]], outcome.MethodOrder);
        Assert.Equal([4, 3, 2], outcome.Results.Select(r => r.Score));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void A_count_without_a_budget_of_at_least_1_is_refused(long? budget)
    {
        var input = new CountInput(3, [new CountedNeed(A, 10)], [RankedBallot.Strict([A])], budget);

        Assert.Equal("Count.BudgetRequired", Assert.Throws<DomainException>(() => _method.Count(input)).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void A_count_with_a_need_lacking_a_cost_of_at_least_1_is_refused(long? cost)
    {
        var input = new CountInput(3, [new CountedNeed(A, 10), new CountedNeed(B, cost)], [RankedBallot.Strict([A])], 100);

        Assert.Equal("Count.CostMissing", Assert.Throws<DomainException>(() => _method.Count(input)).Code);
    }

    [Fact]
    public void Needs_named_after_rank_K_are_not_supported()
    {
        // K = 1: the voter supports A only; B is unfunded for want of supporters although it would fit.
        var outcome = _method.Count(Input(100, [new(A, 30), new(B, 30)], [A, B]) with { MaxRanks = 1 });

        Assert.Equal(UnfundedReason.NoSupporters, outcome.EqualShares!.Lines[1].Reason);
        Assert.Equal([[A], [B]], outcome.MethodOrder);
    }

    [Fact]
    public void No_voters_fund_nothing()
    {
        var outcome = _method.Count(Input(100, [new(A, 30), new(B, 30)], [], [Z]));

        Assert.Equal([[A, B]], outcome.MethodOrder);
        Assert.Equal((0, 0L, 0L), (outcome.EqualShares!.Voters, outcome.EqualShares.PerVoterFinal, outcome.EqualShares.TotalCost));
        Assert.All(outcome.EqualShares.Lines, line => Assert.Equal(UnfundedReason.NoSupporters, line.Reason));
    }

    private static CountInput Input(long budget, CountedNeed[] needs, params int[][] ballots) =>
        new(needs.Length, needs, ballots.Select(b => RankedBallot.Strict(b)).ToList(), budget);
}
