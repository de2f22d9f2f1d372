using Hangfire;
using Salam.Infrastructure.Notifications;

namespace Salam.Infrastructure.Jobs;

/// <summary>
/// Drains the outbox: every minute, and at once after a save that queued messages (see <see cref="OutboxSaveTrigger"/>).
/// Safe on every node at once (leases), and never retried by Hangfire: the next minute's drain is the retry.
/// </summary>
public sealed class OutboxDrainJob(OutboxDrainer drainer, OutboxDrainSignal signal)
{
    public const string Id = "outbox-drain";
    public const string Schedule = "* * * * *";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!signal.TryEnterScheduled()) return;
        try { await drainer.DrainAsync(cancellationToken); }
        finally { signal.Exit(); }
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task RunRequestedAsync(CancellationToken cancellationToken)
    {
        await signal.EnterRequestedAsync(cancellationToken);
        try { await drainer.DrainAsync(cancellationToken); }
        finally { signal.Exit(); }
    }
}
