using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SetAutoPublish;
using Salam.Application.Rounds.PaperBatches;
using Salam.Application.Rounds.PaperBatches.ClosePaperBatch;
using Salam.Application.Rounds.PaperBatches.CountersignPaperBatch;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A round is published only once every paper batch is closed and countersigned, by the officer or automatically.</summary>
public sealed class PublishAfterBatchesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Publishing_waits_for_every_batch_to_be_countersigned_and_a_refusal_writes_nothing()
    {
        var (roundId, batchId) = await ClosedRoundWithUnsignedBatchAsync("دور با دستهٔ باز");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var before = await App.CountFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundStatus>(officer, new PublishRound(roundId)));
        Assert.Equal(Text.Get("Publish.PaperBatchUnfinished"), refused.Message);
        Assert.Equal(before, await App.CountFingerprintAsync());

        Assert.Equal(PaperBatchStatus.Countersigned, await App.SendAsync<PaperBatchStatus>(officer, new CountersignPaperBatch(batchId)));
        Assert.Equal(RoundStatus.Published, await App.SendAsync<RoundStatus>(officer, new PublishRound(roundId)));
    }

    [Fact]
    public async Task Automatic_publishing_leaves_a_round_with_an_unsigned_batch_closed_for_the_officer()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var qom = await App.QomAsync();
        await App.SendAsync<Mediator.Unit>(officer, new SetAutoPublish(qom, true));
        try
        {
            var (roundId, _) = await ClosedRoundWithUnsignedBatchAsync("دور خودکار با دستهٔ باز");
            Assert.Equal(RoundStatus.Closed, await App.ReadAsync(db => Task.FromResult(db.PriorityRounds.Single(r => r.Id == roundId).Status)));
        }
        finally
        {
            await App.SendAsync<Mediator.Unit>(officer, new SetAutoPublish(qom, false));
        }
    }

    /// <summary>A Pardisan round with one online ballot and a paper batch of one sheet, closed by its opener but not countersigned, then the round closed.</summary>
    private async Task<(int RoundId, int BatchId)> ClosedRoundWithUnsignedBatchAsync(string title)
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (roundId, needs) = await App.OpenRoundWithBallotsAsync(title, online: 1);
        var batchId = await App.OpenPaperBatchAsync(facilitator, roundId, declaredSheets: 1);
        await App.EnterPaperSheetAsync(facilitator, roundId, needs[0], batchId);
        Assert.Equal(PaperBatchStatus.Closed, await App.SendAsync<PaperBatchStatus>(facilitator, new ClosePaperBatch(batchId)));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId));
        return (roundId, batchId);
    }
}
