using Salam.Domain.Duties;

namespace Salam.Application.Duties.Common;

/// <summary>Where a duty stands now, with the token an update must quote to prove it saw this state.</summary>
public sealed record DutyState(int DutyId, DutyStatus Status, int Percent, Guid Version);
