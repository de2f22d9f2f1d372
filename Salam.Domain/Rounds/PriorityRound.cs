using Salam.Domain.Common;
using Salam.Domain.Needs;
using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Rounds;

public enum RoundStatus { Draft = 0, Open = 1, Closed = 2, Published = 3 }

/// <summary>One ranking exercise in one neighbourhood: its window, the needs on the ballot, and K ranks.</summary>
public sealed class PriorityRound : Entity
{
    public const int DefaultMaxRanks = 5;

    private PriorityRound() { }

    public PriorityRound(int neighbourhoodId, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, int maxRanks = DefaultMaxRanks, CountingMethod method = CountingMethod.Borda)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Round.TitleRequired");
        if (closesAt <= opensAt) throw new DomainException("Round.WindowInvalid");
        if (maxRanks is < 1 or > 20) throw new DomainException("Round.MaxRanksOutOfRange", 1, 20);
        NeighbourhoodId = neighbourhoodId;
        Title = title.Trim();
        OpensAt = opensAt;
        ClosesAt = closesAt;
        MaxRanks = maxRanks;
        Method = method;
    }

    public int NeighbourhoodId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public int MaxRanks { get; private set; }
    public CountingMethod Method { get; private set; }
    public RoundStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<RoundNeed> Needs { get; private set; } = [];
    public List<RoundResult> Results { get; private set; } = [];

    /// <summary>Only approved needs of the round's own neighbourhood, and only while the rules may change.</summary>
    public void AddNeed(Need need)
    {
        EnsureDraft();
        if (need.NeighbourhoodId != NeighbourhoodId) throw new DomainException("Round.NeedFromAnotherNeighbourhood");
        if (need.Status != NeedStatus.Approved) throw new DomainException("Round.NeedNotApproved");
        if (Needs.Any(n => n.NeedId == need.Id)) throw new DomainException("Round.NeedAlreadyOnBallot");
        Needs.Add(new RoundNeed(need.Id, need.ApprovedAt ?? DateTimeOffset.MinValue));
    }

    public void Open(DateTimeOffset now)
    {
        EnsureDraft();
        if (Needs.Count == 0) throw new DomainException("Round.NoNeeds");
        if (now >= ClosesAt) throw new DomainException("Round.WindowPassed");
        Status = RoundStatus.Open;
    }

    public bool AcceptsBallotsAt(DateTimeOffset now) => Status == RoundStatus.Open && now >= OpensAt && now < ClosesAt;

    public bool IsDueToCloseAt(DateTimeOffset now) => Status == RoundStatus.Open && now >= ClosesAt;

    /// <summary>Closes the round and replaces its results with a fresh count; counting the same ballots twice gives the same results.</summary>
    public void Close(DateTimeOffset now, IEnumerable<Ballot> ballots, ICountingMethod counting)
    {
        if (Status != RoundStatus.Open) throw new DomainException("Round.NotOpen");
        Status = RoundStatus.Closed;
        ClosedAt = now;
        var needsInApprovalOrder = Needs.OrderBy(n => n.ApprovedAt).ThenBy(n => n.NeedId).Select(n => n.NeedId).ToList();
        Results.Clear();
        Results.AddRange(counting.Count(MaxRanks, needsInApprovalOrder, ballots.Select(b => b.RankedNeedIds()).ToList()));
    }

    public void Publish()
    {
        if (Status != RoundStatus.Closed) throw new DomainException("Round.NotClosed");
        Status = RoundStatus.Published;
    }

    private void EnsureDraft()
    {
        if (Status != RoundStatus.Draft) throw new DomainException("Round.RulesLocked");
    }
}

/// <summary>A need on a round's ballot.</summary>
public sealed class RoundNeed
{
    private RoundNeed() { }

    public RoundNeed(int needId, DateTimeOffset approvedAt)
    {
        NeedId = needId;
        ApprovedAt = approvedAt;
    }

    public int RoundId { get; private set; }
    public int NeedId { get; private set; }

    /// <summary>Copied from the need, so the count's last tie-break needs no join.</summary>
    public DateTimeOffset ApprovedAt { get; private set; }
}
