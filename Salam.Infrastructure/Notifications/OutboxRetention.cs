using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Notifications;

/// <summary>
/// Deletes finished messages (sent, cancelled, dead) queued more than <see cref="OutboxOptions.KeepDays"/> days ago, so the
/// outbox does not grow without end. Pending messages are never deleted, however old: nothing waiting is lost.
/// </summary>
public sealed class OutboxRetention(SalamDbContext db, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxRetention> logger)
{
    // Deleted a chunk at a time, oldest first, bounded by key (the chunk's last id is found at the table's start without an
    // index on the time, and no list of ids is sent), keeping each statement's locks and log short on a server database.
    internal const int Chunk = 2000;

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.KeepDays);
        // Status is tested again by each DELETE: a dead message an administrator set back to Pending meanwhile is kept.
        var finished = db.OutboxMessages.Where(m => m.Status != MessageStatus.Pending && m.CreatedAt < before);
        var deleted = 0;
        while (true)
        {
            var chunkEnd = await finished.OrderBy(m => m.Id).Select(m => (int?)m.Id).Skip(Chunk - 1).FirstOrDefaultAsync(cancellationToken);
            if (chunkEnd is not { } last)
            {
                deleted += await finished.ExecuteDeleteAsync(cancellationToken);
                break;
            }
            deleted += await finished.Where(m => m.Id <= last).ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted > 0) logger.LogInformation("Outbox retention deleted {Deleted} finished messages queued before {Before:O}", deleted, before);
        return deleted;
    }
}
