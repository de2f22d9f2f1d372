using Salam.Infrastructure.Notifications;

namespace Salam.Infrastructure.Jobs;

/// <summary>Daily, 03:30 in Tehran (a quiet hour): deletes finished outbox messages past Notifications:Outbox:KeepDays.</summary>
public sealed class OutboxRetentionJob(OutboxRetention retention)
{
    public const string Id = "outbox-retention";
    public const string Schedule = "30 3 * * *";

    public Task RunAsync(CancellationToken cancellationToken) => retention.PruneAsync(cancellationToken);
}
