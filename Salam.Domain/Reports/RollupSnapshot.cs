using Salam.Domain.Common;

namespace Salam.Domain.Reports;

public enum RollupLevel { Neighbourhood = 0, County = 1, Province = 2, National = 3 }

/// <summary>The figures of one place (or the nation) at one time. Kept, so trends can be drawn; dashboards read only these.</summary>
/// <remarks>Written by the roll-up's set-based SQL, never built in memory; the setters are for that mapping only.</remarks>
public sealed class RollupSnapshot : Entity
{
    /// <summary>The scope id of the national level, which has no place of its own.</summary>
    public const int NationalScope = 0;

    private RollupSnapshot() { }

    public RollupSnapshot(RollupLevel level, int scopeId, DateTimeOffset computedAt)
    {
        Level = level;
        ScopeId = scopeId;
        ComputedAt = computedAt;
    }

    public RollupLevel Level { get; private set; }

    /// <summary>The neighbourhood, county or province id; <see cref="NationalScope"/> for the national level.</summary>
    public int ScopeId { get; private set; }

    /// <summary>The run's time, to the minute: two runs in one minute write the same snapshot, not two.</summary>
    public DateTimeOffset ComputedAt { get; private set; }
    public int RegisteredResidents { get; private set; }
    public int BallotsOnline { get; private set; }
    public int BallotsPaper { get; private set; }

    /// <summary>Residents who cast at least one ballot.</summary>
    public int Voters { get; private set; }

    /// <summary>Voters over registered residents, 0..1.</summary>
    public double ParticipationRate { get; private set; }
    public int NeedsProposed { get; private set; }
    public int NeedsApproved { get; private set; }
    public int DutiesTotal { get; private set; }
    public int DutiesDone { get; private set; }
    public int DutiesDoneOnTime { get; private set; }
    public int DutiesOverdue { get; private set; }

    /// <summary>Duties done by their due date over duties done, 0..1.</summary>
    public double OnTimeCompletionRate { get; private set; }
    public int Volunteers { get; private set; }

    /// <summary>Meetings held (attendance recorded) in the place: its own meetings and those of the places under it.</summary>
    public int MeetingsHeld { get; private set; }

    /// <summary>Duties that meetings decided, counted where the duty is (its neighbourhood).</summary>
    public int DecisionDuties { get; private set; }

    /// <summary>Of <see cref="DecisionDuties"/>, those done by their due date.</summary>
    public int DecisionDutiesDoneOnTime { get; private set; }

    /// <summary>Done duties whose residents confirmed the completion (yes or partly) without disputing it.</summary>
    public int CompletionsConfirmed { get; private set; }

    /// <summary>Duties residents disputed (status Disputed).</summary>
    public int CompletionsDisputed { get; private set; }

    /// <summary>Done duties no resident has answered about yet.</summary>
    public int CompletionsUnanswered { get; private set; }

    /// <summary>
    /// Cash and vows received by the centres of the place, in whole rials. A centre is a province's, not a neighbourhood's: this
    /// counts at the province and the nation only (0 below), while what was given out counts where it went.
    /// </summary>
    public long DonationsReceivedRials { get; private set; }

    /// <summary>Cash and vows allocated to the place's neighbourhoods (delivered or not), in whole rials.</summary>
    public long DonationsAllocatedRials { get; private set; }

    /// <summary>Of <see cref="DonationsAllocatedRials"/>, what was delivered.</summary>
    public long DonationsDeliveredRials { get; private set; }

    /// <summary>Minutes volunteers living in the place attended shifts (recorded attendance), at any centre.</summary>
    public long VolunteerMinutes { get; private set; }

    /// <summary>Breakdowns that vary in shape: Borda points per need category, duties per status and agency kind, volunteers per skill.</summary>
    public List<RollupBreakdown> Breakdowns { get; private set; } = [];

    /// <summary>The minute a run started: its snapshots' <see cref="ComputedAt"/>.</summary>
    public static DateTimeOffset SlotOf(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}

/// <summary>
/// DutyDoneAgencyKind and DutyDoneOnTimeAgencyKind give delivery on time by agency kind (the public pages' figure). The Items
/// kinds count goods by <c>AidItem</c> (received at the province and nation only, like the rials); VolunteerMinutesSkill counts
/// attended minutes by the shift's skill (key 0: a shift open to any skill).
/// </summary>
public enum BreakdownKind
{
    NeedCategoryPoints = 0, DutyStatus = 1, DutyAgencyKind = 2, VolunteerSkill = 3, DutyDoneAgencyKind = 4, DutyDoneOnTimeAgencyKind = 5,
    ItemsReceived = 6, ItemsAllocated = 7, ItemsDelivered = 8, VolunteerMinutesSkill = 9,
}

/// <summary>One figure of a breakdown: e.g. (NeedCategoryPoints, Health) = the Borda points the health needs earned.</summary>
public sealed class RollupBreakdown
{
    private RollupBreakdown() { }

    public RollupBreakdown(BreakdownKind kind, int key, long value)
    {
        Kind = kind;
        Key = key;
        Value = value;
    }

    public int SnapshotId { get; private set; }
    public BreakdownKind Kind { get; private set; }

    /// <summary>The enum value the figure is about (a NeedCategory, DutyStatus, AgencyKind or VolunteerSkill flag).</summary>
    public int Key { get; private set; }
    /// <summary>64-bit: a nation's goods or volunteer minutes may pass two billion.</summary>
    public long Value { get; private set; }
}

/// <summary>A note that a neighbourhood's figures changed since the last roll-up: written with the change, consumed by the next run.</summary>
public sealed class RollupMark : Entity
{
    private RollupMark() { }

    public RollupMark(int neighbourhoodId) => NeighbourhoodId = neighbourhoodId;

    public int NeighbourhoodId { get; private set; }

    /// <summary>Set by the run that took this mark; the run deletes it when it commits (a killed run leaves it unclaimed).</summary>
    public bool Claimed { get; private set; }
}
