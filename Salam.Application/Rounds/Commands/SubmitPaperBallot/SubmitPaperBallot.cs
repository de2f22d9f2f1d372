using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Application.Rounds.PaperBatches;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.SubmitPaperBallot;

/// <summary>
/// The facilitator enters the paper ballot of a resident who voted at the centre, identified by national id and mobile.
/// Someone not yet registered is registered in the round's neighbourhood; someone who voted online is refused. The sheet is
/// entered into an open batch of the round (<see cref="BatchId"/>), which counts it against the sheets it declared.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record SubmitPaperBallot(int RoundId, string NationalId, string Mobile, string FullName, IReadOnlyList<int> RankedNeedIds, int BatchId)
    : ICommand<PaperBallotReceipt>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Round(RoundId), ScopeTarget.PaperBatch(BatchId)];
}

public sealed record PaperBallotReceipt(int BallotId, int ResidentId, bool Revised);

public sealed class SubmitPaperBallotHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitPaperBallot, PaperBallotReceipt>
{
    private const int MaxAttempts = 3;

    public async ValueTask<PaperBallotReceipt> Handle(SubmitPaperBallot command, CancellationToken cancellationToken)
    {
        var person = new PaperVoter(NationalId.Parse(command.NationalId), MobileNumber.Parse(command.Mobile), command.FullName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(command, person, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && (exception is DbUpdateConcurrencyException || db.IsUniqueViolation(exception)))
            {
                // Another entry registered the same person (or stored their ballot, or closed the batch) first: this one
                // now finds them, or finds the batch closed.
                db.DiscardChanges();
            }
        }
    }

    /// <summary>The resident (registered here if new) and their ballot in one transaction: never one without the other.</summary>
    private Task<PaperBallotReceipt> StoreAsync(SubmitPaperBallot command, PaperVoter person, CancellationToken cancellationToken) =>
        db.WriteBallotAsync(command.RoundId, clock, async (round, now) =>
        {
            var ranking = command.RankedNeedIds;
            Ballot.Check(round, ranking, now); // before a new resident is written
            var batch = await db.HoldPaperBatchAsync(command.BatchId, cancellationToken);
            batch.CheckAccepts(round.Id);
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
            batch.Enter(existing);
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
