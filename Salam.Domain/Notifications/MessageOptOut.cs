using Salam.Domain.Common;

namespace Salam.Domain.Notifications;

/// <summary>A resident turned off one kind of message. One row per resident and kind; its absence means "on".</summary>
public sealed class MessageOptOut : Entity
{
    private MessageOptOut() { }

    public MessageOptOut(int residentId, MessageKind kind, DateTimeOffset at)
    {
        if (!MessageKinds.ResidentChoosable.Contains(kind)) throw new DomainException("Messages.KindNotChoosable");
        ResidentId = residentId;
        Kind = kind;
        At = at;
    }

    public int ResidentId { get; private set; }
    public MessageKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
}
