namespace Salam.Infrastructure.Notifications;

/// <summary>How the outbox is drained (section Notifications:Outbox).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Notifications:Outbox";

    /// <summary>Messages claimed, sent and marked together.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Messages of one batch in flight to the providers at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>SMS a number may receive in a Tehran day (sign-in codes never count).</summary>
    public int DailyCapPerNumber { get; set; } = 5;

    /// <summary>
    /// How long a claim holds its messages; a node killed mid-drain leaves a claim that expires, and another node takes over.
    /// A batch starts no send past half of it, so keep it above twice the provider's slowest answer (timeout times tries).
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Tehran hour from which no SMS goes out (sign-in codes excepted).</summary>
    public int QuietHoursStart { get; set; } = 22;

    /// <summary>Tehran hour at which SMS go out again.</summary>
    public int QuietHoursEnd { get; set; } = 8;

    /// <summary>
    /// Days a finished message (sent, cancelled or dead) is kept as the record of what was sent; pending ones are never
    /// deleted. At least a week, so a daily reminder's row outlives the reminder and is never queued twice.
    /// </summary>
    public int KeepDays { get; set; } = 90;

    /// <summary>Minutes a due message may wait before <c>/health</c> reports the drain as stalled.</summary>
    public int StalledAfterMinutes { get; set; } = 15;

    internal bool IsValid =>
        BatchSize is > 0 and <= 5000 && Parallelism is > 0 and <= 256 && DailyCapPerNumber > 0 && LeaseSeconds >= 10
        && QuietHoursStart is >= 0 and < 24 && QuietHoursEnd is >= 0 and < 24 && KeepDays >= 7 && StalledAfterMinutes >= 1;
}

/// <summary>Which provider carries a channel (Notifications:Sms:Provider, Notifications:Email:Provider).</summary>
public enum MessageProvider
{
    /// <summary>Nothing is sent: messages stay Pending (nothing lost, nothing dead) until a provider is configured.</summary>
    None = 0,
    /// <summary>The development outbox (log and /dev/sms); Development only.</summary>
    Development = 1,
    Http = 2,
    Smtp = 3,
}
