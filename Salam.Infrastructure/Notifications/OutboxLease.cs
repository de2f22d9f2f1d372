using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Notifications;

/// <summary>
/// One drainer's claim on a batch of due messages. The claim is one UPDATE that sets this owner on due Pending rows whose
/// lease is empty or expired, the same test in its own WHERE (so a server database that re-checks a row after a concurrent
/// claim skips it), then the rows are read back by owner. Portable: plain EF on SQLite, PostgreSQL and SQL Server.
/// </summary>
internal sealed class OutboxLease(SalamDbContext db, string owner, TimeSpan length)
{
    public string Owner { get; } = owner;

    /// <summary>Claims up to <paramref name="size"/> due messages of the given channels, oldest due first, tracked.</summary>
    public async Task<List<OutboxMessage>> ClaimAsync(IReadOnlyCollection<MessageChannel> channels, int size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + length;
        var due = db.OutboxMessages.Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now
            && (m.LockedUntil == null || m.LockedUntil < now) && channels.Contains(m.Channel));
        var first = due.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(size).Select(m => m.Id);
        var claimed = await db.InTransactionAsync(() => due.Where(m => first.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Owner).SetProperty(m => m.LockedUntil, until), cancellationToken), cancellationToken);
        if (claimed == 0) return [];
        return await db.OutboxMessages.Where(m => m.LockedBy == Owner && m.Status == MessageStatus.Pending)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Whether any due message of the given channels is free to claim (another drainer may have won the last race).</summary>
    public Task<bool> AnyFreeAsync(IReadOnlyCollection<MessageChannel> channels, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OutboxMessages.AnyAsync(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now
            && (m.LockedUntil == null || m.LockedUntil < now) && channels.Contains(m.Channel), cancellationToken);

    /// <summary>
    /// Writes the batch's outcomes (the tracked messages' changes) in one save, but only for the rows this owner still holds:
    /// the hold is renewed first in the same transaction, which locks those rows on a server database until the commit, so
    /// a drainer whose lease expired mid-batch (and whose messages another node took over) writes nothing over them.
    /// </summary>
    /// <returns>The messages whose outcome was written.</returns>
    public async Task<int> MarkAsync(IReadOnlyList<OutboxMessage> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = batch.Select(m => m.Id).ToList();
        return await db.InTransactionAsync(async () =>
        {
            var held = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + length), cancellationToken);
            if (held < batch.Count)
            {
                var still = (await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == Owner).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var lost in batch.Where(m => !still.Contains(m.Id))) db.Entry(lost).State = EntityState.Detached;
            }
            await db.SaveChangesAsync(cancellationToken);
            return held;
        }, cancellationToken);
    }
}
