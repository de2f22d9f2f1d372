using Salam.Domain.Common;

namespace Salam.Domain.Notifications;

/// <summary>
/// One message to one person, written in the same transaction as the change that causes it, so a rolled-back change sends
/// nothing and a committed one is never forgotten. A Hangfire job drains the outbox (Salam.Infrastructure/Notifications).
/// <see cref="IdempotencyKey"/> goes to the provider with every attempt, so a retry after a lost answer is not sent twice;
/// <see cref="DedupeKey"/> is unique, so a job that runs twice queues nothing twice.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public const int MaxAttempts = 6;
    public const int RecipientMaxLength = 256;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int TopicMaxLength = 150;
    public const int DedupeKeyMaxLength = 200;
    public const int LockOwnerMaxLength = 64;
    public const int ProviderIdMaxLength = 100;
    public const int ErrorMaxLength = 500;

    private OutboxMessage() { }

    /// <param name="topic">What the message is about, the same for everyone told of it ("RoundOpened:round:12").</param>
    /// <param name="recipientKey">Who, unique within the topic ("r45" for a resident, "u7" for a staff account).</param>
    public OutboxMessage(MessageKind kind, MessageChannel channel, string recipient, string? subject, string body, string topic, string recipientKey,
        DateTimeOffset at, int? residentId = null, int? userId = null, int? roundId = null)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(channel)) throw new ArgumentOutOfRangeException(nameof(kind));
        if (string.IsNullOrWhiteSpace(recipient) || recipient.Length > RecipientMaxLength) throw new ArgumentException("A recipient is required.", nameof(recipient));
        if (string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength) throw new ArgumentException("A body is required.", nameof(body));
        Kind = kind;
        Channel = channel;
        Recipient = recipient;
        Subject = subject is null ? null : Shorten(subject, SubjectMaxLength);
        Body = body;
        Topic = Shorten(topic, TopicMaxLength);
        DedupeKey = Shorten($"{Topic}:{recipientKey}", DedupeKeyMaxLength);
        IdempotencyKey = Guid.NewGuid();
        ResidentId = residentId;
        UserId = userId;
        RoundId = roundId;
        CreatedAt = at;
        NextAttemptAt = at;
        Status = MessageStatus.Pending;
    }

    public MessageKind Kind { get; private set; }
    public MessageChannel Channel { get; private set; }
    /// <summary>A mobile number (09xxxxxxxxx) for SMS, an address for e-mail.</summary>
    public string Recipient { get; private set; } = "";
    public string? Subject { get; private set; }
    public string Body { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string DedupeKey { get; private set; } = "";
    public Guid IdempotencyKey { get; private set; }
    public int? ResidentId { get; private set; }
    public int? UserId { get; private set; }
    /// <summary>Set on a round's messages, for the facilitator's delivery figures.</summary>
    public int? RoundId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public MessageStatus Status { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>Not before this instant: backoff after a failure, the end of quiet hours, or tomorrow past the daily cap.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>The drainer that claimed it, until <see cref="LockedUntil"/>; an expired claim (a killed node) is taken over.</summary>
    public string? LockedBy { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? ProviderMessageId { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeadAt { get; private set; }

    public void MarkSent(string? providerMessageId, DateTimeOffset at)
    {
        Status = MessageStatus.Sent;
        SentAt = at;
        ProviderMessageId = providerMessageId is null ? null : Shorten(providerMessageId, ProviderIdMaxLength);
        LockedBy = null;
        LockedUntil = null;
    }

    /// <summary>A failed attempt: retried after a growing delay, or dead when permanent or at <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, bool permanent, DateTimeOffset at)
    {
        Attempts++;
        LastError = Shorten(error, ErrorMaxLength);
        LockedBy = null;
        LockedUntil = null;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = MessageStatus.Dead;
            DeadAt = at;
            return;
        }
        NextAttemptAt = at + Backoff(Attempts);
    }

    /// <summary>1, 2, 4, 8, 16 minutes after the first to fifth failures.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Max(0, attempts - 1)));

    /// <summary>Quiet hours or the daily cap: not a failure, so no attempt is counted.</summary>
    public void Defer(DateTimeOffset until)
    {
        NextAttemptAt = until;
        LockedBy = null;
        LockedUntil = null;
    }

    /// <summary>An admin sends a dead message again, with a fresh count of attempts (and the same idempotency key).</summary>
    public void Retry(DateTimeOffset at)
    {
        if (Status != MessageStatus.Dead) throw new DomainException("Messages.RetryNotDead");
        Status = MessageStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        DeadAt = null;
    }

    /// <summary>The resident turned this kind off before it went.</summary>
    public void Cancel()
    {
        if (Status != MessageStatus.Pending) return;
        Status = MessageStatus.Cancelled;
        LockedBy = null;
        LockedUntil = null;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
