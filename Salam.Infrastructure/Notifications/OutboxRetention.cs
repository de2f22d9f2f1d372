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
    // Deleted a chunk at a time, oldest first (by key, so each chunk is found at the table's start without an index on
    // the time), keeping each statement's locks and log short on a server database.
    internal const int Chunk = 2000;

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.KeepDays);
        var deleted = 0;
        while (true)
        {
            var chunk = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status != MessageStatus.Pending && m.CreatedAt < before)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            // A dead message an administrator set back to Pending since it was read is kept.
            deleted += await db.OutboxMessages.Where(m => chunk.Contains(m.Id) && m.Status != MessageStatus.Pending).ExecuteDeleteAsync(cancellationToken);
            if (chunk.Count < Chunk) break;
        }
        if (deleted > 0) logger.LogInformation("Outbox retention deleted {Deleted} finished messages queued before {Before:O}", deleted, before);
        return deleted;
    }
}
