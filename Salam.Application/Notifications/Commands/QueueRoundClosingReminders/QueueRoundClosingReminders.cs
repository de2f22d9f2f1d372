using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Application.Notifications.Common;
using Salam.Application.Notifications.Residents;
using Salam.Domain.Common;
using Salam.Domain.Rounds;

namespace Salam.Application.Notifications.Commands.QueueRoundClosingReminders;

/// <summary>Daily: texts the residents of every round that closes tomorrow who have not voted yet, once per round.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record QueueRoundClosingReminders : ICommand<int>, INationalScoped;

public sealed class QueueRoundClosingRemindersHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<QueueRoundClosingReminders, int>
{
    /// <returns>How many texts were queued; a second run the same day queues none.</returns>
    public async ValueTask<int> Handle(QueueRoundClosingReminders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Tomorrow in Tehran, as UTC instants: SQLite compares stored moments only when their offsets agree.
        var tomorrow = clock.Today().AddDays(1);
        var (from, until) = (ProgrammeCalendar.StartOf(tomorrow), ProgrammeCalendar.StartOf(tomorrow.AddDays(1)));
        var rounds = await db.PriorityRounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ClosesAt >= from && r.ClosesAt < until)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var round in rounds) queued += await db.QueueRoundClosingSoonAsync(round, now, cancellationToken);
        return await db.SaveQueuedAsync(queued, cancellationToken);
    }
}
