using Hangfire;
using Microsoft.Extensions.Hosting;
using Salam.Domain.Common;

namespace Salam.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs at start-up, with explicit ids and Tehran time, so every node agrees on one schedule.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    private static readonly TimeZoneInfo Tehran = ProgrammeCalendar.Zone;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<CloseDueRoundsJob>(CloseDueRoundsJob.Id, job => job.RunAsync(CancellationToken.None), CloseDueRoundsJob.Schedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<FlagOverdueDutiesJob>(FlagOverdueDutiesJob.Id, job => job.RunAsync(CancellationToken.None), FlagOverdueDutiesJob.Schedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<RollupJob>(RollupJob.IncrementalId, job => job.RunIncrementalAsync(CancellationToken.None), RollupJob.IncrementalSchedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<RollupJob>(RollupJob.FullId, job => job.RunFullAsync(CancellationToken.None), RollupJob.FullSchedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<OutboxDrainJob>(OutboxDrainJob.Id, job => job.RunAsync(CancellationToken.None), OutboxDrainJob.Schedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<OutboxRetentionJob>(OutboxRetentionJob.Id, job => job.RunAsync(CancellationToken.None), OutboxRetentionJob.Schedule,
            new RecurringJobOptions { TimeZone = Tehran });
        jobs.AddOrUpdate<NotificationRemindersJob>(NotificationRemindersJob.Id, job => job.RunAsync(CancellationToken.None), NotificationRemindersJob.Schedule,
            new RecurringJobOptions { TimeZone = Tehran });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
