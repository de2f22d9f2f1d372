namespace Salam.Application.Common.Interfaces;

public enum RollupMode { Incremental = 0, Full = 1 }

/// <summary>What one roll-up run wrote: its time slot and how many places of each level it recomputed.</summary>
public sealed record RollupRun(DateTimeOffset ComputedAt, RollupMode Mode, int Neighbourhoods, int Counties, int Provinces, bool National);

/// <summary>
/// Computes <see cref="Domain.Reports.RollupSnapshot"/>s with set-based SQL of the configured provider, in one transaction:
/// a full run for every place; an incremental one for the neighbourhoods marked as changed and their ancestors.
/// </summary>
public interface IRollupEngine
{
    Task<RollupRun> RunAsync(RollupMode mode, DateTimeOffset now, CancellationToken cancellationToken);
}
