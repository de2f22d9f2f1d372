using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Sms;

/// <summary>
/// Development only: the outbox table as /dev/sms shows it (every message, whatever its status), newest first, beside what the
/// development gateway "sent". Not registered: the page makes one in its own scope, and only in Development.
/// </summary>
public sealed class DevelopmentOutbox(SalamDbContext db)
{
    /// <summary>Enough for a journey or a demo; the page says how many there are in all.</summary>
    public const int Shown = 300;

    public async Task<(IReadOnlyList<OutboxRow> Rows, int Total)> RecentAsync(CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.Channel, m.Recipient, m.Subject, m.Body, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        return (rows, await db.OutboxMessages.CountAsync(cancellationToken));
    }
}

public sealed record OutboxRow(int Id, MessageKind Kind, MessageChannel Channel, string Recipient, string? Subject, string Body, MessageStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, string? LastError);
