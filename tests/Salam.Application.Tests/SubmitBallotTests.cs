using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.Rounds;

namespace Salam.Application.Tests;

public sealed class SubmitBallotTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_resident_ranks_needs_and_a_revision_replaces_the_first_ranking()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var resident = await App.NewResidentAsync(neighbourhoodId);

        var first = await App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[0], needs[1], needs[2]]));
        var second = await App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[3], needs[0]]));

        Assert.False(first.Revised);
        Assert.True(second.Revised);
        Assert.Equal(first.BallotId, second.BallotId);
        var stored = await App.ReadAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).SingleAsync(b => b.Id == first.BallotId));
        Assert.Equal([needs[3], needs[0]], stored.RankedNeedIds());
        Assert.Equal(BallotChannel.Online, stored.Channel);
    }

    [Fact]
    public async Task A_revision_may_swap_two_ranks()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var resident = await App.NewResidentAsync(neighbourhoodId);

        var receipt = await App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[0], needs[1], needs[2]]));
        await App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[2], needs[0], needs[1]]));

        var stored = await App.ReadAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).SingleAsync(b => b.Id == receipt.BallotId));
        Assert.Equal([needs[2], needs[0], needs[1]], stored.RankedNeedIds());
    }

    [Fact]
    public async Task Two_simultaneous_submissions_by_one_resident_leave_exactly_one_ballot()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var resident = await App.NewResidentAsync(neighbourhoodId);
        var residentId = int.Parse(resident.FindFirst("salam:resident")!.Value, CultureInfo.InvariantCulture);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[i % needs.Count]]))));

        Assert.Single(receipts.Select(r => r.BallotId).Distinct());
        Assert.Equal(1, await App.ReadAsync(db => db.Ballots.CountAsync(b => b.RoundId == roundId && b.ResidentId == residentId)));
        Assert.Single(await App.ReadAsync(db => db.Ballots.Where(b => b.ResidentId == residentId).SelectMany(b => b.Entries).ToListAsync()));
    }

    public static TheoryData<string, Func<List<int>, int, int[]>, string> BadRankings => new()
    {
        { "more than K ranks", (needs, k) => needs.Take(k + 1).ToArray(), "حداکثر ۵ نیاز" },
        { "the same need twice", (needs, _) => [needs[0], needs[0]], "هر نیاز را فقط یک بار" },
        { "a need not on the round", (_, _) => [999_999], "در برگهٔ این دور نیست" },
        { "no need at all", (_, _) => [], "دست‌کم یک نیاز" },
    };

    [Theory]
    [MemberData(nameof(BadRankings))]
    public async Task A_ranking_that_breaks_the_rules_is_refused_with_a_clear_message_and_nothing_is_written(string what, Func<List<int>, int, int[]> ranking, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fa-IR");
        var (roundId, _, maxRanks, needs) = await App.PardisanOpenRoundAsync();
        var resident = await App.FirstResidentAsync();
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, ranking(needs, maxRanks))));

        Assert.True(maxRanks == 5, "the demo round has K = 5");
        Assert.True(refused.Message.Contains(message, StringComparison.Ordinal), $"{what}: {refused.Message}");
        Assert.True(before == await App.FingerprintAsync(), $"{what}: the refused ballot wrote something");
    }

    [Fact]
    public async Task A_need_from_another_neighbourhood_tampered_into_the_form_is_refused()
    {
        var (roundId, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var foreignNeed = await App.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId != neighbourhoodId).Select(n => n.Id).FirstAsync());
        var before = await App.FingerprintAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<BallotReceipt>(await App.FirstResidentAsync(), new SubmitBallot(roundId, [foreignNeed])));
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_round_id_tampered_to_another_neighbourhoods_round_is_refused()
    {
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var foreign = await App.ReadAsync(db => db.PriorityRounds.Include(r => r.Needs).FirstAsync(r => r.Status == RoundStatus.Open && r.NeighbourhoodId != neighbourhoodId));
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<BallotReceipt>(await App.FirstResidentAsync(), new SubmitBallot(foreign.Id, [foreign.Needs[0].NeedId])));
        Assert.Equal(Text.Get("Forbidden.Scope"), refused.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_vote_in_a_closed_round_is_refused()
    {
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var closed = await App.ReadAsync(db => db.PriorityRounds.Include(r => r.Needs).FirstAsync(r => (r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published) && r.NeighbourhoodId == neighbourhoodId));
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<BallotReceipt>(await App.FirstResidentAsync(), new SubmitBallot(closed.Id, [closed.Needs[0].NeedId])));
        Assert.Contains("رأی نمی‌پذیرد", refused.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task Staff_cannot_vote_online()
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<BallotReceipt>(await App.PrincipalOfAsync("facilitator.pardisan"), new SubmitBallot(roundId, [needs[0]])));
    }
}

public sealed class RankingInputTests
{
    [Fact]
    public void Ranks_filled_from_the_top_become_the_ranking() =>
        Assert.Equal([7, 3], RankingInput.Compact([7, 3, null, null]));

    [Fact]
    public void An_empty_rank_above_a_filled_one_is_a_gap_and_refused()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fa-IR");
        var refused = Assert.Throws<ValidationFailedException>(() => RankingInput.Compact([7, null, 3]));
        Assert.Contains("پشت سر هم", refused.Message);
    }
}
