using Salam.Domain.Duties;

namespace Salam.Application.Campaigns.Common;

/// <summary>What an allocation may be for, besides its neighbourhood: an approved need, or a duty still being worked on.</summary>
public static class AllocationTargets
{
    public static readonly DutyStatus[] OpenDuty = [DutyStatus.Assigned, DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Blocked];
}
