using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.RecountRound;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Audit;
using Salam.Domain.Rounds;

namespace Salam.Application.Tests;

/// <summary>A recount recomputes from the stored ballots and compares with the count record; a disagreement is audited and blocks publishing.</summary>
public sealed class RecountRoundTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_recount_of_untouched_ballots_agrees_and_is_stored_and_audited()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور بازشماری", online: 6, paper: 1);
        var officer = await App.PrincipalOfAsync("officer.qom");
        var since = await App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

        var report = await App.SendAsync<RecountReport>(officer, new RecountRound(roundId));

        var recordHash = await App.ReadAsync(db => db.RoundCounts.Where(c => c.RoundId == roundId).Select(c => c.Sha256).SingleAsync());
        Assert.True(report.Agrees);
        Assert.Equal((recordHash, recordHash), (report.RecordedSha256, report.RecountedSha256));
        Assert.Empty(report.Differences);
        var stored = await App.ReadAsync(db => db.RoundRecounts.AsNoTracking().SingleAsync(r => r.RoundId == roundId));
        Assert.True(stored.Agrees);
        Assert.NotNull(stored.ByUserId);
        var audited = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since && e.Kind == "RoundRecount"));
        Assert.Equal((AuditAction.Created, stored.Id, stored.ByUserId), (audited.Action, audited.SubjectId, audited.ActorUserId));
        var view = (await App.SendAsync<RoundResults>(officer, new GetRoundResults(roundId))).Count!.LastRecount!;
        Assert.True(view.Agrees);
    }

    [Fact]
    public async Task A_tampered_ballot_makes_the_recount_disagree_which_blocks_publishing_until_a_later_recount_agrees()
    {
        var (roundId, needs, _) = await App.ClosedRoundAsync("دور دستکاری", online: 6);
        var officer = await App.PrincipalOfAsync("officer.qom");
        var recorded = await App.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Results).Where(r => r.Id == roundId)
            .SelectMany(r => r.Results).ToListAsync());
        var since = await App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

        var (ballotId, wasNeedId) = await App.TamperAsync(roundId, needs[0]);
        var report = await App.SendAsync<RecountReport>(officer, new RecountRound(roundId));

        Assert.False(report.Agrees);
        Assert.NotEqual(report.RecordedSha256, report.RecountedSha256);
        Assert.NotEmpty(report.Differences);
        foreach (var difference in report.Differences)
        {
            var was = recorded.Single(r => r.NeedId == difference.NeedId);
            Assert.Equal((was.Position, was.Score), (difference.RecordedPosition, difference.RecordedScore));
            Assert.True(difference.RecordedPosition != difference.RecountedPosition || difference.RecordedScore != difference.RecountedScore);
            Assert.NotEmpty(difference.Title);
        }
        var audited = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since && e.Kind == "RoundRecount"));
        Assert.Contains("\"Agrees\":false", audited.After);

        var before = await App.CountFingerprintAsync();
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundStatus>(officer, new PublishRound(roundId)));
        Assert.Equal(Text.Get("Publish.RecountDisagrees"), refused.Message);
        Assert.Equal(before, await App.CountFingerprintAsync());

        await App.SetFirstRankAsync(ballotId, wasNeedId);
        Assert.True((await App.SendAsync<RecountReport>(officer, new RecountRound(roundId))).Agrees);
        Assert.Equal(RoundStatus.Published, await App.SendAsync<RoundStatus>(officer, new PublishRound(roundId)));
    }

    [Fact]
    public async Task An_open_round_is_not_recounted_and_nothing_is_written()
    {
        var (roundId, _) = await App.OpenRoundWithBallotsAsync("دور نیمه‌کاره", online: 1);
        var before = await App.CountFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<RecountReport>(await App.PrincipalOfAsync("officer.qom"), new RecountRound(roundId)));
        Assert.Equal(Text.Get("Round.NotClosed"), refused.Message);
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    [Fact]
    public async Task Neither_the_facilitator_nor_another_provinces_officer_recounts_and_nothing_is_written()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور بیرونی", online: 1);
        var before = await App.CountFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RecountReport>(await App.PrincipalOfAsync("facilitator.pardisan"), new RecountRound(roundId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RecountReport>(await App.PrincipalOfAsync("officer.mazandaran"), new RecountRound(roundId)));
        Assert.Equal(before, await App.CountFingerprintAsync());
    }
}
