using Salam.Domain.Common;

namespace Salam.Domain.Reports;

public enum RollupLevel { Neighbourhood = 0, County = 1, Province = 2, National = 3 }

/// <summary>The figures of one place (or the nation) at one time. Kept, so trends can be drawn; dashboards read only these.</summary>
public sealed class RollupSnapshot : Entity
{
    private RollupSnapshot() { }

    public RollupSnapshot(RollupLevel level, int? scopeId, DateTimeOffset computedAt)
    {
        Level = level;
        ScopeId = scopeId;
        ComputedAt = computedAt;
    }

    public RollupLevel Level { get; private set; }

    /// <summary>The neighbourhood, county or province id; null for the national level.</summary>
    public int? ScopeId { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }
    public int RegisteredResidents { get; set; }
    public int BallotsOnline { get; set; }
    public int BallotsPaper { get; set; }
    public double ParticipationRate { get; set; }
    public int NeedsProposed { get; set; }
    public int NeedsApproved { get; set; }
    public int DutiesTotal { get; set; }
    public int DutiesDone { get; set; }
    public int DutiesOverdue { get; set; }
    public double OnTimeCompletionRate { get; set; }
    public int Volunteers { get; set; }

    /// <summary>JSON breakdowns (top need categories, duties by status and agency, volunteers by skill) that vary in shape.</summary>
    public string BreakdownsJson { get; set; } = "{}";
}
