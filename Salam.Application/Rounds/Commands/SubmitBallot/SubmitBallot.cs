using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.SubmitBallot;

/// <summary>A resident ranks up to K needs of their neighbourhood's open round (rank 1 first). A second submission revises the first.</summary>
[AllowedRoles(Role.Resident)]
public sealed record SubmitBallot(int RoundId, IReadOnlyList<int> RankedNeedIds) : ICommand<BallotReceipt>, IRoundScoped;

public sealed record BallotReceipt(int BallotId, bool Revised);

/// <summary>
/// A first ballot, the hot path, keeps the write transaction short: on SQLite every write of the process queues behind it.
/// What cannot change while the round is open (its needs and window: <see cref="PriorityRound"/> locks them when it opens)
/// and whether this resident has voted are read before it; inside it, under the round's hold, only the round's status is
/// read again, then the rows are inserted. A revision, and a first ballot that loses a race with the same resident's
/// other one (the unique index refuses it), take the whole path inside the transaction.
/// </summary>
public sealed class SubmitBallotHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitBallot, BallotReceipt>
{
    public async ValueTask<BallotReceipt> Handle(SubmitBallot command, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new ForbiddenException(Text.Get("Forbidden.Role"));
        // Only a confirmed resident votes: a self-registered one waits for their facilitator (one read by key).
        var status = await db.Residents.Where(r => r.Id == residentId).Select(r => (ResidentStatus?)r.Status).SingleOrDefaultAsync(cancellationToken);
        if (status != ResidentStatus.Confirmed)
            throw new RequestRefusedException(Text.Get(status == ResidentStatus.Rejected ? "Residents.RejectedCannotVote" : "Residents.PendingCannotVote"));
        try
        {
            var voted = await db.Ballots.AnyAsync(b => b.RoundId == command.RoundId && b.ResidentId == residentId, cancellationToken);
            return voted
                ? await StoreAsync(command.RoundId, residentId, command.RankedNeedIds, cancellationToken)
                : await StoreFirstAsync(command.RoundId, residentId, command.RankedNeedIds, cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // The same resident's other submission won the race to insert; this one becomes a revision of it.
            db.DiscardChanges();
            return await StoreAsync(command.RoundId, residentId, command.RankedNeedIds, cancellationToken);
        }
    }

    /// <summary>A first ballot: the round read (tracked, so the roll-up mark needs no query) before the transaction, its status again inside.</summary>
    private async Task<BallotReceipt> StoreFirstAsync(int roundId, int residentId, IReadOnlyList<int> ranking, CancellationToken cancellationToken)
    {
        var round = await db.FindRoundAsync(roundId, cancellationToken);
        // The ranking's own rules (needs on the round, distinct, at most K, the round open) before anything is queued: a round
        // read as not open never opens again.
        Ballot.Check(round, ranking, clock.GetUtcNow());
        return await db.InTransactionAsync(async () =>
        {
            await db.HoldRoundAsync(roundId, RoundHold.Ballot, cancellationToken);
            var now = clock.GetUtcNow();
            // Under the hold the status cannot change before the commit: a close waits, or has committed and is seen here.
            var current = await db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync(cancellationToken);
            if (current != RoundStatus.Open || !round.AcceptsBallotsAt(now)) throw new DomainException("Ballot.RoundNotAcceptingVotes");
            var ballot = new Ballot(round, residentId, ranking, BallotChannel.Online, null, now);
            db.Ballots.Add(ballot);
            await db.SaveChangesAsync(cancellationToken);
            return new BallotReceipt(ballot.Id, false);
        }, cancellationToken);
    }

    private Task<BallotReceipt> StoreAsync(int roundId, int residentId, IReadOnlyList<int> ranking, CancellationToken cancellationToken) =>
        db.WriteBallotAsync(roundId, clock, async (round, now) =>
        {
            var existing = await db.Ballots.Include(b => b.Entries).SingleOrDefaultAsync(b => b.RoundId == round.Id && b.ResidentId == residentId, cancellationToken);
            if (existing is null)
            {
                existing = new Ballot(round, residentId, ranking, BallotChannel.Online, null, now);
                db.Ballots.Add(existing);
            }
            else
            {
                existing.ReviseOnline(round, ranking, now);
            }
            var revised = existing.Id != 0;
            await db.SaveChangesAsync(cancellationToken);
            return new BallotReceipt(existing.Id, revised);
        }, cancellationToken);
}
