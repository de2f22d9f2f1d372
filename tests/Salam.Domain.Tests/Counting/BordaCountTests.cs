using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

public sealed class BordaCountTests
{
    private const int A = 1, B = 2, C = 3;
    private readonly BordaCount _borda = new();

    [Fact]
    public void Rank_one_earns_K_points_down_to_one_point_for_rank_K()
    {
        // K = 3. A: 3+2+1 = 6, B: 2+3+2+3 = 10, C: 1+3 = 4.
        var results = _borda.Count(3, [A, B, C], [[A, B, C], [B, A], [C, B, A], [B]]);

        Assert.Equal([(B, 10, 2, 1), (A, 6, 1, 2), (C, 4, 1, 3)], results.Select(r => (r.NeedId, r.Score, r.FirstPlaces, r.Position)));
    }

    [Fact]
    public void A_tie_goes_to_the_need_with_more_first_places()
    {
        // K = 3. A: 3+3 = 6 with two first places; B: 2+2+2 = 6 with none, though B was approved earlier.
        var results = _borda.Count(3, [B, A, C], [[A, B], [A, B], [C, B]]);

        Assert.Equal([A, B, C], results.Select(r => r.NeedId));
        Assert.Equal(results[0].Score, results[1].Score);
    }

    [Fact]
    public void A_tie_in_score_and_first_places_goes_to_the_earlier_approved_need()
    {
        // K = 2. A: 2+1 = 3, B: 1+2 = 3, one first place each; C was approved first but has no votes.
        var results = _borda.Count(2, [C, B, A], [[A, B], [B, A]]);

        Assert.Equal([B, A, C], results.Select(r => r.NeedId));
        Assert.Equal(0, results[2].Score);
    }

    [Fact]
    public void No_ballots_leave_every_need_at_zero_in_approval_order() =>
        Assert.Equal([C, A, B], _borda.Count(5, [C, A, B], []).Select(r => r.NeedId));
}
