using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Notifications.Residents;
using Salam.Application.Rounds.PaperBatches;
using Salam.Domain.Common;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Common;

/// <summary>Loading a round with its ballot needs, and the two ways its state changes under a hold: a ballot and a close.</summary>
public static class RoundLookup
{
    public static async Task<PriorityRound> FindRoundAsync(this ISalamDbContext db, int roundId, CancellationToken cancellationToken) =>
        await db.PriorityRounds.Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Round"));

    /// <summary>
    /// Runs a ballot's write in one transaction that holds the round shared, and passes it the round as read under the hold
    /// and the time: the round is checked open at that time, so a ballot stored here is one that a close will count.
    /// </summary>
    public static Task<T> WriteBallotAsync<T>(this ISalamDbContext db, int roundId, TimeProvider clock, Func<PriorityRound, DateTimeOffset, Task<T>> write,
        CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await db.HoldRoundAsync(roundId, RoundHold.Ballot, cancellationToken);
            var round = await db.FindRoundAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            if (!round.AcceptsBallotsAt(now)) throw new DomainException("Ballot.RoundNotAcceptingVotes");
            return await write(round, now);
        }, cancellationToken);

    /// <summary>
    /// Closes a round and counts it in one transaction that holds the round exclusively: ballots already past their check
    /// are committed first and counted, later ones wait and find it closed. The close's time is read under the hold, so
    /// every counted ballot was stored before <see cref="PriorityRound.ClosedAt"/>, and only those are counted. The count
    /// record (totals, the ballot file's hash, the code's version, the details) is frozen in the same transaction, and a
    /// province that publishes automatically has the round published there too, as a second audited step.
    /// </summary>
    /// <returns>False when <paramref name="onlyWhenDue"/> is set and the round is not (or no longer) due to close.</returns>
    public static Task<bool> CloseAndCountAsync(this ISalamDbContext db, int roundId, TimeProvider clock, IEnumerable<ICountingMethod> methods,
        bool onlyWhenDue, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await db.HoldRoundAsync(roundId, RoundHold.Close, cancellationToken);
            var round = await db.FindRoundAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            if (onlyWhenDue && !round.IsDueToCloseAt(now)) return false;

            await db.PriorityRounds.Entry(round).Collection(r => r.Results).LoadAsync(cancellationToken);
            var ballots = await db.CountedBallotsAsync(round.Id, now, cancellationToken);
            var outcome = round.Close(now, ballots, methods.Single(m => m.Method == round.Method));
            await db.RecordCountAsync(round, ballots, outcome, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // Automatic publishing still waits for every paper batch to be countersigned: the officer publishes after that.
            if (await db.Neighbourhoods.AnyAsync(n => n.Id == round.NeighbourhoodId && n.County!.Province!.AutoPublishResults, cancellationToken)
                && !await db.HasUnfinishedPaperBatchAsync(round.Id, cancellationToken))
            {
                round.Publish();
                await db.QueueResultsPublishedAsync(round, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            return true;
        }, cancellationToken);
}
