using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.SubmitPaperBallot;

/// <summary>
/// The facilitator enters the paper ballot of a resident who voted at the centre, identified by national id and mobile.
/// Someone not yet registered is registered in the round's neighbourhood; someone who voted online is refused.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record SubmitPaperBallot(int RoundId, string NationalId, string Mobile, string FullName, IReadOnlyList<int> RankedNeedIds) : ICommand<PaperBallotReceipt>, IRoundScoped;

public sealed record PaperBallotReceipt(int BallotId, int ResidentId, bool Revised);

public sealed class SubmitPaperBallotHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitPaperBallot, PaperBallotReceipt>
{
    public async ValueTask<PaperBallotReceipt> Handle(SubmitPaperBallot command, CancellationToken cancellationToken)
    {
        var person = new PaperVoter(NationalId.Parse(command.NationalId), MobileNumber.Parse(command.Mobile), command.FullName);
        try
        {
            return await StoreAsync(command.RoundId, person, command.RankedNeedIds, cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another entry registered the same person (or stored their ballot) first: this one now finds them.
            db.DiscardChanges();
            return await StoreAsync(command.RoundId, person, command.RankedNeedIds, cancellationToken);
        }
    }

    /// <summary>The resident (registered here if new) and their ballot in one transaction: never one without the other.</summary>
    private Task<PaperBallotReceipt> StoreAsync(int roundId, PaperVoter person, IReadOnlyList<int> ranking, CancellationToken cancellationToken) =>
        db.WriteBallotAsync(roundId, clock, async (round, now) =>
        {
            Ballot.Check(round, ranking, now); // before a new resident is written
            var resident = await FindResidentAsync(person.NationalId, person.Mobile, cancellationToken);
            if (resident is null)
            {
                resident = new Resident(round.NeighbourhoodId, person.FullName, person.Mobile, person.NationalId, now);
                db.Residents.Add(resident);
                await db.SaveChangesAsync(cancellationToken); // gives the new resident its id, inside the transaction
            }
            else if (resident.NeighbourhoodId != round.NeighbourhoodId)
            {
                throw new RequestRefusedException(Text.Get("Paper.NotResidentOfNeighbourhood"));
            }

            var existing = await db.Ballots.Include(b => b.Entries).SingleOrDefaultAsync(b => b.RoundId == round.Id && b.ResidentId == resident.Id, cancellationToken);
            if (existing is { Channel: BallotChannel.Online }) throw new RequestRefusedException(Text.Get("Paper.AlreadyVotedOnline"));
            if (existing is null)
            {
                existing = new Ballot(round, resident.Id, ranking, BallotChannel.Paper, user.UserId, now);
                db.Ballots.Add(existing);
            }
            else
            {
                existing.Revise(round, ranking, now);
            }
            var revised = existing.Id != 0;
            await db.SaveChangesAsync(cancellationToken);
            return new PaperBallotReceipt(existing.Id, resident.Id, revised);
        }, cancellationToken);

    /// <summary>The national id and the mobile must name the same person, or neither be known yet.</summary>
    private async Task<Resident?> FindResidentAsync(NationalId nationalId, MobileNumber mobile, CancellationToken cancellationToken)
    {
        var matches = await db.Residents.Where(r => r.NationalId == nationalId.Value || r.Mobile == mobile.Value).ToListAsync(cancellationToken);
        return matches switch
        {
            [] => null,
            [var one] when one.NationalId == nationalId.Value && one.Mobile == mobile.Value => one,
            _ => throw new RequestRefusedException(Text.Get("Paper.IdentityMismatch")),
        };
    }
}

/// <summary>Who voted on paper, as the facilitator entered them (already validated).</summary>
internal sealed record PaperVoter(NationalId NationalId, MobileNumber Mobile, string FullName);
