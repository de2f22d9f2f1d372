using Mediator;
using Microsoft.Extensions.Logging;
using Salam.Application.Notifications.Commands.QueueDutyReminders;
using Salam.Application.Notifications.Commands.QueuePendingResidentsDigest;
using Salam.Application.Notifications.Commands.QueueRoundClosingReminders;
using Salam.Application.Notifications.Commands.QueueShiftReminders;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Jobs;

/// <summary>
/// Daily, 09:00 in Tehran (after quiet hours): queues the day's reminders and digests. Each kind is tried on its own, so one
/// failing does not hold back the others; each queues a message once, so a rerun (Hangfire's retry) doubles nothing.
/// </summary>
public sealed class NotificationRemindersJob(IMediator mediator, CurrentUser currentUser, ILogger<NotificationRemindersJob> logger)
{
    public const string Id = "notification-reminders";
    public const string Schedule = "0 9 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        currentUser.UseSystem();
        var failed = new List<Exception>();
        await TryAsync(nameof(QueueRoundClosingReminders), () => mediator.Send(new QueueRoundClosingReminders(), cancellationToken).AsTask(), failed);
        await TryAsync(nameof(QueueDutyReminders), () => mediator.Send(new QueueDutyReminders(), cancellationToken).AsTask(), failed);
        await TryAsync(nameof(QueueShiftReminders), () => mediator.Send(new QueueShiftReminders(), cancellationToken).AsTask(), failed);
        await TryAsync(nameof(QueuePendingResidentsDigest), () => mediator.Send(new QueuePendingResidentsDigest(), cancellationToken).AsTask(), failed);
        // Failing at the end lets Hangfire retry the run; what already went through is not queued again.
        if (failed.Count > 0) throw new AggregateException("Some reminders could not be queued.", failed);
    }

    private async Task TryAsync(string name, Func<Task<int>> send, List<Exception> failed)
    {
        try
        {
            var queued = await send();
            logger.LogInformation("{Reminders}: {Count} messages queued", name, queued);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Reminders} failed; the other reminders go on", name);
            failed.Add(exception);
        }
    }
}
