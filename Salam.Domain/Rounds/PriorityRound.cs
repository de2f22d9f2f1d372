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

    public PriorityRound(int neighbourhoodId, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, int maxRanks = DefaultMaxRanks,
        CountingMethod method = CountingMethod.Borda, long? budget = null)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Round.TitleRequired");
        if (closesAt <= opensAt) throw new DomainException("Round.WindowInvalid");
        NeighbourhoodId = neighbourhoodId;
        Title = title.Trim();
        OpensAt = opensAt;
        ClosesAt = closesAt;
        ChangeRules(maxRanks, method, budget);
    }

    public int NeighbourhoodId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public int MaxRanks { get; private set; }
    public CountingMethod Method { get; private set; }

    /// <summary>The envelope equal shares may spend, in whole rials; null for the ranked methods.</summary>
    public long? Budget { get; private set; }
    public RoundStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<RoundNeed> Needs { get; private set; } = [];
    public List<RoundResult> Results { get; private set; } = [];

    /// <summary>K, the method and the budget: chosen while drafting, locked once the round opens.</summary>
    public void ChangeRules(int maxRanks, CountingMethod method, long? budget)
    {
        EnsureDraft();
        if (maxRanks is < 1 or > 20) throw new DomainException("Round.MaxRanksOutOfRange", 1, 20);
        if (!Enum.IsDefined(method)) throw new DomainException("Round.MethodUnknown");
        if (method == CountingMethod.EqualShares && budget is not > 0) throw new DomainException("Round.BudgetRequired");
        if (method != CountingMethod.EqualShares && budget is not null) throw new DomainException("Round.BudgetOnlyForEqualShares");
        MaxRanks = maxRanks;
        Method = method;
        Budget = budget;
    }

    /// <summary>A need's cost on this ballot (whole rials), what equal shares charges its supporters; locked once the round opens.</summary>
    public void SetNeedCost(int needId, long cost)
    {
        EnsureDraft();
        if (cost < 1) throw new DomainException("Round.CostMustBePositive");
        var need = Needs.SingleOrDefault(n => n.NeedId == needId) ?? throw new DomainException("Ballot.NeedNotOnRound");
        need.Cost = cost;
    }

    /// <summary>Only approved needs of the round's own neighbourhood, and only while the rules may change.</summary>
    public void AddNeed(Need need)
    {
        EnsureDraft();
        if (need.NeighbourhoodId != NeighbourhoodId) throw new DomainException("Round.NeedFromAnotherNeighbourhood");
        if (need.Status != NeedStatus.Approved) throw new DomainException("Round.NeedNotApproved");
        if (Needs.Any(n => n.NeedId == need.Id)) throw new DomainException("Round.NeedAlreadyOnBallot");
        Needs.Add(new RoundNeed(need.Id, need.ApprovedAt ?? DateTimeOffset.MinValue, RoundNeed.WholeRials(need.EstimatedCost)));
    }

    public void Open(DateTimeOffset now)
    {
        EnsureDraft();
        if (Needs.Count == 0) throw new DomainException("Round.NoNeeds");
        if (Method == CountingMethod.EqualShares && Needs.Any(n => n.Cost is null)) throw new DomainException("Round.NeedCostMissing");
        if (now >= ClosesAt) throw new DomainException("Round.WindowPassed");
        Status = RoundStatus.Open;
    }

    public bool AcceptsBallotsAt(DateTimeOffset now) => Status == RoundStatus.Open && now >= OpensAt && now < ClosesAt;

    public bool IsDueToCloseAt(DateTimeOffset now) => Status == RoundStatus.Open && now >= ClosesAt;

    /// <summary>Closes the round and replaces its results with a fresh count; counting the same ballots twice gives the same results.</summary>
    /// <returns>The whole count, details included, for the count record.</returns>
    public CountOutcome Close(DateTimeOffset now, IEnumerable<Ballot> ballots, ICountingMethod counting)
    {
        if (Status != RoundStatus.Open) throw new DomainException("Round.NotOpen");
        if (counting.Method != Method) throw new DomainException("Round.MethodMismatch");
        var outcome = counting.Count(CountInputFor(ballots.Select(b => b.RankedNeedIds())));
        Status = RoundStatus.Closed;
        ClosedAt = now;
        Results.Clear();
        Results.AddRange(outcome.Results);
        return outcome;
    }

    /// <summary>What the count of these ballots sees: K, the needs earliest approved first with their costs, and the budget. A recount uses it too.</summary>
    public CountInput CountInputFor(IEnumerable<IReadOnlyList<int>> rankings) =>
        new(MaxRanks,
            Needs.OrderBy(n => n.ApprovedAt).ThenBy(n => n.NeedId).Select(n => new CountedNeed(n.NeedId, n.Cost)).ToList(),
            rankings.Select(RankedBallot.Strict).ToList(),
            Budget);

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

    public RoundNeed(int needId, DateTimeOffset approvedAt, long? cost = null)
    {
        NeedId = needId;
        ApprovedAt = approvedAt;
        Cost = cost;
    }

    public int RoundId { get; private set; }
    public int NeedId { get; private set; }

    /// <summary>Copied from the need, so the count's last tie-break needs no join.</summary>
    public DateTimeOffset ApprovedAt { get; private set; }

    /// <summary>Whole rials, copied from the need's estimate when it is put on the ballot and editable while drafting.</summary>
    public long? Cost { get; internal set; }

    /// <summary>An estimate as whole rials (rounded half away from zero); none when the need has no estimate.</summary>
    public static long? WholeRials(decimal? estimate) =>
        estimate is { } value && value >= 1 ? (long)decimal.Round(value, MidpointRounding.AwayFromZero) : null;
}
