using Salam.Domain.Common;

namespace Salam.Domain.Duties;

/// <summary>DutyDisputed: residents said a completion was not done (one notice per duty, the first dispute).</summary>
public enum NotificationKind { DutyOverdue = 0, DutyDisputed = 1 }

/// <summary>An in-app notice to an agency's managers about one of its duties; one per duty and kind, so repeated jobs add nothing.</summary>
public sealed class AgencyNotification : Entity
{
    private AgencyNotification() { }

    public AgencyNotification(int agencyId, int dutyId, NotificationKind kind, DateTimeOffset at)
    {
        AgencyId = agencyId;
        DutyId = dutyId;
        Kind = kind;
        CreatedAt = at;
    }

    public int AgencyId { get; private set; }
    public int DutyId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
