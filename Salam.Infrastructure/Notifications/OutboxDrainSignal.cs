using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salam.Infrastructure.Jobs;

namespace Salam.Infrastructure.Notifications;

/// <summary>
/// This process's drains: a save that added messages asks for one drain at once (at most one waits in the queue at a time),
/// and drains of one process run one after another, so a burst of saves costs one extra drain, not one each.
/// </summary>
public sealed class OutboxDrainSignal(IServiceProvider services, ILogger<OutboxDrainSignal> logger)
{
    private readonly SemaphoreSlim _draining = new(1, 1);
    private int _queued;

    /// <summary>Enqueues a drain unless one is already waiting to start. Never throws: the minute's drain is the safety net.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 1) return;
        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxDrainJob>(job => job.RunRequestedAsync(CancellationToken.None));
        }
        catch (Exception exception)
        {
            Interlocked.Exchange(ref _queued, 0);
            logger.LogWarning(exception, "Could not enqueue an outbox drain; the next minute's drain sends the messages");
        }
    }

    /// <summary>A requested drain: it waits for one in progress, then runs (and so sees what was saved meanwhile).</summary>
    internal Task EnterRequestedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _queued, 0);
        return _draining.WaitAsync(cancellationToken);
    }

    /// <summary>The minute's drain: skipped when a drain of this process is already running.</summary>
    internal bool TryEnterScheduled() => _draining.Wait(0);

    internal void Exit() => _draining.Release();
}
