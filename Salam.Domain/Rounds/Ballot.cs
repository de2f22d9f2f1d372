using Salam.Domain.Common;

namespace Salam.Domain.Rounds;

public enum BallotChannel { Online = 0, Paper = 1 }

/// <summary>One resident's ranking in one round (unique per resident and round); revisable while the round is open.</summary>
public sealed class Ballot : Entity
{
    private Ballot() { }

    public Ballot(PriorityRound round, int residentId, IReadOnlyList<int> rankedNeedIds, BallotChannel channel, int? enteredByUserId, DateTimeOffset at)
    {
        RoundId = round.Id;
        ResidentId = residentId;
        Channel = channel;
        EnteredByUserId = channel == BallotChannel.Paper
            ? enteredByUserId ?? throw new DomainException("Ballot.PaperNeedsFacilitator")
            : null;
        Revise(round, rankedNeedIds, at);
    }

    public int RoundId { get; private set; }
    public int ResidentId { get; private set; }
    public BallotChannel Channel { get; private set; }
    public int? EnteredByUserId { get; private set; }

    /// <summary>The batch whose sheet this ballot was last entered from, when it was entered on paper in a batch.</summary>
    public int? PaperBatchId { get; internal set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public List<BallotEntry> Entries { get; private set; } = [];

    /// <summary>Replaces the ranking; rank 1 is the first id. Up to K distinct needs, all on the round.</summary>
    public void Revise(PriorityRound round, IReadOnlyList<int> rankedNeedIds, DateTimeOffset at)
    {
        Check(round, rankedNeedIds, at);
        Entries.Clear();
        for (var i = 0; i < rankedNeedIds.Count; i++) Entries.Add(new BallotEntry(i + 1, rankedNeedIds[i]));
        SubmittedAt = at;
    }

    /// <summary>The rules every ranking obeys; callers that must write something else first check them before any write.</summary>
    public static void Check(PriorityRound round, IReadOnlyList<int> rankedNeedIds, DateTimeOffset at)
    {
        if (!round.AcceptsBallotsAt(at)) throw new DomainException("Ballot.RoundNotAcceptingVotes");
        if (rankedNeedIds.Count == 0) throw new DomainException("Ballot.Empty");
        if (rankedNeedIds.Count > round.MaxRanks) throw new DomainException("Ballot.TooManyRanks", round.MaxRanks);
        if (rankedNeedIds.Distinct().Count() != rankedNeedIds.Count) throw new DomainException("Ballot.DuplicateNeed");
        if (rankedNeedIds.Any(id => round.Needs.All(n => n.NeedId != id))) throw new DomainException("Ballot.NeedNotOnRound");
    }

    /// <summary>The resident's own online ranking replaces whatever was there, a paper ballot included: the last one counts.</summary>
    public void ReviseOnline(PriorityRound round, IReadOnlyList<int> rankedNeedIds, DateTimeOffset at)
    {
        Revise(round, rankedNeedIds, at);
        Channel = BallotChannel.Online;
        EnteredByUserId = null;
    }

    public IReadOnlyList<int> RankedNeedIds() => Entries.OrderBy(e => e.Rank).Select(e => e.NeedId).ToList();
}

/// <summary>One rank of a ballot.</summary>
public sealed class BallotEntry
{
    private BallotEntry() { }

    public BallotEntry(int rank, int needId)
    {
        Rank = rank;
        NeedId = needId;
    }

    public int BallotId { get; private set; }
    public int Rank { get; private set; }
    public int NeedId { get; private set; }
}
