using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Needs.Queries.FindSimilarNeeds;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;

namespace Salam.Application.Tests;

/// <summary>The whole ranking journey through the real pipeline: propose, moderate, draft, open, vote, close, count, publish.</summary>
public sealed class RoundLifecycleTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task From_proposals_to_counted_results_with_hand_checked_borda_scores()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var proposer = await App.NewResidentAsync(neighbourhoodId);
        var ids = new List<int>();
        foreach (var title in new[] { "کتابخانهٔ محله", "ایستگاه دوچرخه", "باغچهٔ مدرسه" })
        {
            var id = await App.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, title, "", NeedCategory.Education, null));
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            await App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Approve));
            ids.Add(id);
        }
        var (a, b, c) = (ids[0], ids[1], ids[2]);

        var roundId = await App.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, "دور آزمایشی", App.Clock.GetUtcNow(), App.Clock.GetUtcNow().AddDays(3), 2, ids));
        Assert.Equal(RoundStatus.Open, await App.SendAsync<RoundStatus>(facilitator, new OpenRound(roundId)));

        // K = 2: A = 2+1 = 3, B = 1+2+2 = 5, C = 1; first places A 1, B 2, C 0.
        await App.SendAsync<BallotReceipt>(await App.NewResidentAsync(neighbourhoodId), new SubmitBallot(roundId, [a, b]));
        await App.SendAsync<BallotReceipt>(await App.NewResidentAsync(neighbourhoodId), new SubmitBallot(roundId, [b, a]));
        await App.SendAsync<BallotReceipt>(await App.NewResidentAsync(neighbourhoodId), new SubmitBallot(roundId, [b, c]));

        var resident = await App.NewResidentAsync(neighbourhoodId);
        var hidden = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundResults>(resident, new GetRoundResults(roundId)));
        Assert.Contains("پس از بسته شدن", hidden.Message);
        var live = await App.SendAsync<RoundResults>(facilitator, new GetRoundResults(roundId));
        Assert.Equal((3, 0), (live.OnlineBallots, live.Rows.Count));

        App.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(RoundStatus.Closed, await App.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId)));
        // Counted but not yet published: staff see it, residents still wait for the officer.
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundResults>(resident, new GetRoundResults(roundId)));
        Assert.Equal(RoundStatus.Published, await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId)));
        var results = await App.SendAsync<RoundResults>(resident, new GetRoundResults(roundId));
        Assert.Equal(App.Clock.GetUtcNow(), results.ClosedAt!.Value, TimeSpan.FromMilliseconds(1)); // when it really closed, not the scheduled end
        Assert.True(results.ClosedEarly);
        Assert.Equal([(1, b, 5, 2), (2, a, 3, 1), (3, c, 1, 0)], results.Rows.Select(r => (r.Position, r.NeedId, r.Score, r.FirstPlaces)));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_proposer_can_read_it()
    {
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var proposer = await App.NewResidentAsync(neighbourhoodId);
        var id = await App.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, "آسفالت کوچه", "", NeedCategory.EnvironmentAndUrban, null));
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");

        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Reject, " ")));
        await App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Reject, "در برنامهٔ شهرداری هست"));

        var mine = await App.SendAsync<IReadOnlyList<Needs.Queries.GetMyNeeds.MyNeed>>(proposer, new Needs.Queries.GetMyNeeds.GetMyNeeds());
        Assert.Equal((NeedStatus.Rejected, "در برنامهٔ شهرداری هست"), (mine.Single().Status, mine.Single().RejectionReason));
    }

    [Fact]
    public async Task A_duplicate_is_merged_and_similar_needs_are_suggested_however_they_are_typed()
    {
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var proposer = await App.NewResidentAsync(neighbourhoodId);
        var original = await App.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, "روشنایی کوچه‌های فرعی", "", NeedCategory.Safety, null));

        var suggested = await App.SendAsync<IReadOnlyList<SimilarNeed>>(proposer, new FindSimilarNeeds(neighbourhoodId, "روشنايي كوچه هاي فرعي"));
        Assert.Contains(suggested, s => s.Id == original);

        var duplicate = await App.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, "روشنايي كوچه", "", NeedCategory.Safety, null));
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        Assert.Equal(NeedStatus.Merged, await App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(duplicate, Moderation.Merge, IntoNeedId: original)));
    }

    [Fact]
    public async Task A_facilitator_of_another_centre_cannot_moderate_draft_or_close_here()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var proposed = await App.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == neighbourhoodId && n.Status == NeedStatus.Proposed).Select(n => n.Id).FirstAsync());
        var other = await App.PrincipalOfAsync("facilitator.sari");
        var before = await App.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<NeedStatus>(other, new ModerateNeed(proposed, Moderation.Approve)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<RoundStatus>(other, new CloseRound(roundId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(other,
            new CreateRound(neighbourhoodId, "x", App.Clock.GetUtcNow(), App.Clock.GetUtcNow().AddDays(1), 3, needs)));
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_round_cannot_take_needs_of_another_neighbourhood_or_unapproved_ones()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var foreign = await App.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId != neighbourhoodId && n.Status == NeedStatus.Approved).Select(n => n.Id).FirstAsync());
        var proposed = await App.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == neighbourhoodId && n.Status == NeedStatus.Proposed).Select(n => n.Id).FirstAsync());
        var before = await App.FingerprintAsync();
        var now = App.Clock.GetUtcNow();

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, "x", now, now.AddDays(1), 3, [foreign])));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, "x", now, now.AddDays(1), 3, [proposed])));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, "x", now, now.AddDays(-1), 3, [proposed])));
        Assert.Equal(before, await App.FingerprintAsync());
    }
}
