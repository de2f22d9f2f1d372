using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A ballot is either refused with the round-closed message or in the count: never acknowledged and left out.</summary>
public sealed class BallotCloseRaceTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task Ballots_racing_an_early_close_are_each_either_counted_or_refused_as_closed()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fa-IR");
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var (roundId, needs) = await App.OpenFreshRoundAsync(facilitator, neighbourhoodId, "دور مسابقه با بستن");
        var batchId = await App.OpenPaperBatchAsync(facilitator, roundId, 20);
        var residents = new List<System.Security.Claims.ClaimsPrincipal>();
        for (var i = 0; i < 300; i++) residents.Add(await App.NewResidentAsync(neighbourhoodId));

        var acknowledged = new ConcurrentBag<int>();
        var refused = new ConcurrentBag<string>();
        var closeNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledgedDuringTheClose = 0;
        async Task VoteAsync(Func<Task<int>> send)
        {
            try
            {
                acknowledged.Add(await send());
                if (closeNow.Task.IsCompleted && !closed.Task.IsCompleted) Interlocked.Increment(ref acknowledgedDuringTheClose);
                if (acknowledged.Count >= 15) closeNow.TrySetResult();
            }
            catch (RequestRefusedException refusal)
            {
                refused.Add(refusal.Message);
            }
        }
        Func<Task<int>> Online(System.Security.Claims.ClaimsPrincipal resident, int i) => async () =>
            (await App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[i % 3], needs[(i + 1) % 3]]))).BallotId;
        Func<Task<int>> Paper(int i) => async () =>
            (await App.SendAsync<PaperBallotReceipt>(facilitator, new SubmitPaperBallot(roundId, NationalIds.Valid(900 + i), $"0938{i + 7000000:D7}", "رأی‌دهندهٔ کاغذی", [needs[i % 3]], batchId))).BallotId;
        // Online ballots and paper ballots (new residents registered as they vote) come from eight voters' queues while the
        // facilitator closes the round; once it is closed, each voter sends a few more from a reserve, however slow the machine.
        var racing = new ConcurrentQueue<Func<Task<int>>>(residents.Take(260).Select(Online).Concat(Enumerable.Range(0, 20).Select(Paper)).OrderBy(_ => Random.Shared.Next()));
        var late = new ConcurrentQueue<Func<Task<int>>>(residents.Skip(260).Select((resident, i) => Online(resident, i)));
        var voters = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!closed.Task.IsCompleted && racing.TryDequeue(out var vote)) await VoteAsync(vote);
            await closed.Task;
            for (var i = 0; i < 3 && late.TryDequeue(out var vote); i++) await VoteAsync(vote);
        }));
        var close = Task.Run(async () =>
        {
            await closeNow.Task;
            try
            {
                await App.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId));
            }
            finally
            {
                closed.TrySetResult();
            }
        });
        await Task.WhenAll([.. voters, close]);

        Assert.True(acknowledgedDuringTheClose > 0 || refused.Count > 24, "ballots were being written while the round closed");
        Assert.NotEmpty(refused);
        Assert.All(refused, message => Assert.Equal(Text.Get("Ballot.RoundNotAcceptingVotes"), message));
        var stored = await App.ReadAsync(db => db.Ballots.Where(b => b.RoundId == roundId).Select(b => b.Id).ToListAsync());
        Assert.Equal(acknowledged.Order(), stored.Order());
        var round = await App.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Results).SingleAsync(r => r.Id == roundId));
        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.Equal(acknowledged.Count, round.Results.Sum(r => r.FirstPlaces)); // every ballot has exactly one first place
    }

    [Fact]
    public async Task A_ballot_after_the_close_is_refused_with_the_round_closed_message_and_nothing_is_written()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fa-IR");
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (_, neighbourhoodId, _, _) = await App.PardisanOpenRoundAsync();
        var (roundId, needs) = await App.OpenFreshRoundAsync(facilitator, neighbourhoodId, "دور بسته‌شده");
        var resident = await App.NewResidentAsync(neighbourhoodId);
        var batchId = await App.OpenPaperBatchAsync(facilitator, roundId);
        await App.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId));
        var before = await App.FingerprintAsync();

        var online = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<BallotReceipt>(resident, new SubmitBallot(roundId, [needs[0]])));
        var paper = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            App.SendAsync<PaperBallotReceipt>(facilitator, new SubmitPaperBallot(roundId, NationalIds.Valid(950), "09387009999", "دیرآمده", [needs[0]], batchId)));

        Assert.Equal(Text.Get("Ballot.RoundNotAcceptingVotes"), online.Message);
        Assert.Equal(Text.Get("Ballot.RoundNotAcceptingVotes"), paper.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }
}
