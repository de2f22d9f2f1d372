using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Notifications;

/// <summary>
/// Degraded (still 200, so a load balancer keeps the node) when messages cannot go out: no SMS provider (sign-in codes
/// fail too), or a due message left unsent for <see cref="OutboxOptions.StalledAfterMinutes"/>: an e-mail with no e-mail
/// provider, or a drain that is not running or not keeping up. A monitor that reads the status sees it; the drainer's log
/// says how many wait.
/// </summary>
public sealed class OutboxHealthCheck(SalamDbContext db, TimeProvider clock, IOptions<OutboxOptions> options,
    ISmsGateway? sms = null, IEmailGateway? email = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (sms is null)
            return HealthCheckResult.Degraded("No SMS provider is configured (Notifications:Sms:Provider): sign-in codes and SMS cannot be sent.");

        // Polled often: one probe of the (Status, NextAttemptAt) index, empty while the drain keeps up, whatever the backlog.
        var stalledBefore = clock.GetUtcNow().AddMinutes(-options.Value.StalledAfterMinutes);
        var stalled = await db.OutboxMessages.Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt < stalledBefore)
            .Select(m => (MessageChannel?)m.Channel).FirstOrDefaultAsync(cancellationToken);
        return stalled switch
        {
            null => HealthCheckResult.Healthy(),
            MessageChannel.Email when email is null =>
                HealthCheckResult.Degraded("No e-mail provider is configured (Notifications:Email:Provider) and e-mails wait in the outbox."),
            _ => HealthCheckResult.Degraded($"Outbox messages have been due for more than {options.Value.StalledAfterMinutes} minutes: the outbox-drain job is not running or cannot keep up."),
        };
    }
}
