using Salam.Domain.Common;

namespace Salam.Domain.Notifications;

/// <summary>A resident asked to be told when a duty of their neighbourhood changes. One row per resident and duty.</summary>
public sealed class DutyFollow : Entity
{
    private DutyFollow() { }

    public DutyFollow(int residentId, int dutyId, DateTimeOffset at)
    {
        ResidentId = residentId;
        DutyId = dutyId;
        At = at;
    }

    public int ResidentId { get; private set; }
    public int DutyId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
