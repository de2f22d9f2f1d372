using Salam.Domain.Audit;
using Salam.Domain.Common;

namespace Salam.Domain.Rounds;

public enum PaperBatchStatus { Open = 0, Closed = 1, Countersigned = 2 }

/// <summary>
/// A stack of paper sheets entered together: the facilitator declares how many sheets it holds before entering them, closes it
/// only when every sheet is entered, and a second staff member countersigns it. Every change is in the audit log.
/// </summary>
public sealed class PaperBatch : Entity, IAudited
{
    public const int MaxSheets = 10_000;

    private PaperBatch() { }

    /// <summary>Opens a batch of a round that is taking ballots now.</summary>
    public PaperBatch(PriorityRound round, int declaredSheets, int openedByUserId, DateTimeOffset now)
    {
        if (!round.AcceptsBallotsAt(now)) throw new DomainException("Ballot.RoundNotAcceptingVotes");
        if (declaredSheets is < 1 or > MaxSheets) throw new DomainException("PaperBatch.DeclaredOutOfRange", 1, MaxSheets);
        RoundId = round.Id;
        DeclaredSheets = declaredSheets;
        OpenedByUserId = openedByUserId;
        OpenedAt = now;
        Status = PaperBatchStatus.Open;
    }

    public int RoundId { get; private set; }
    public int DeclaredSheets { get; private set; }

    /// <summary>Sheets entered into this batch (a revision entered from a new sheet counts as a sheet too).</summary>
    public int EnteredSheets { get; private set; }

    public int OpenedByUserId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public PaperBatchStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int? CountersignedByUserId { get; private set; }
    public DateTimeOffset? CountersignedAt { get; private set; }

    /// <summary>Whether one more sheet of this round may be entered here; checked before anything else is written.</summary>
    public void CheckAccepts(int roundId)
    {
        if (roundId != RoundId) throw new DomainException("PaperBatch.OtherRound");
        if (Status != PaperBatchStatus.Open) throw new DomainException("PaperBatch.NotOpen");
        if (EnteredSheets >= DeclaredSheets) throw new DomainException("PaperBatch.Full", DeclaredSheets);
    }

    /// <summary>Counts one sheet, the ballot it was entered as, into this batch.</summary>
    public void Enter(Ballot ballot)
    {
        CheckAccepts(ballot.RoundId);
        if (ballot.Channel != BallotChannel.Paper) throw new DomainException("PaperBatch.NotPaper");
        EnteredSheets++;
        ballot.PaperBatchId = Id;
    }

    /// <summary>Closes the batch once the sheets entered are exactly the sheets declared.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status != PaperBatchStatus.Open) throw new DomainException("PaperBatch.NotOpen");
        if (EnteredSheets != DeclaredSheets) throw new DomainException("PaperBatch.CountMismatch", EnteredSheets, DeclaredSheets);
        Status = PaperBatchStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>A second person vouches for a closed batch: never the one who opened it.</summary>
    public void Countersign(int userId, DateTimeOffset now)
    {
        if (Status == PaperBatchStatus.Open) throw new DomainException("PaperBatch.CountersignOpen");
        if (Status == PaperBatchStatus.Countersigned) throw new DomainException("PaperBatch.AlreadyCountersigned");
        if (userId == OpenedByUserId) throw new DomainException("PaperBatch.CountersignOwn");
        Status = PaperBatchStatus.Countersigned;
        CountersignedByUserId = userId;
        CountersignedAt = now;
    }
}
