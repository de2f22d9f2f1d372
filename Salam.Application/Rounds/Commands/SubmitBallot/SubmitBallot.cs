using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.SubmitBallot;

/// <summary>A resident ranks up to K needs of their neighbourhood's open round (rank 1 first). A second submission revises the first.</summary>
[AllowedRoles(Role.Resident)]
public sealed record SubmitBallot(int RoundId, IReadOnlyList<int> RankedNeedIds) : ICommand<BallotReceipt>, IRoundScoped;

public sealed record BallotReceipt(int BallotId, bool Revised);

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
            return await StoreAsync(command.RoundId, residentId, command.RankedNeedIds, cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // The same resident's other submission won the race to insert; this one becomes a revision of it.
            db.DiscardChanges();
            return await StoreAsync(command.RoundId, residentId, command.RankedNeedIds, cancellationToken);
        }
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
