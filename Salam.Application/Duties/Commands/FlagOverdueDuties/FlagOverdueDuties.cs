using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;
using Salam.Application.Notifications.Residents;
using Salam.Application.Notifications.Common;
using Salam.Domain.Notifications;

namespace Salam.Application.Duties.Commands.FlagOverdueDuties;

/// <summary>Daily: marks duties past their due date and notifies their agencies once. A second run, or two at once, change nothing more.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record FlagOverdueDuties : ICommand<int>, INationalScoped;

public sealed class FlagOverdueDutiesHandler(ISalamDbContext db, TimeProvider clock, IUserDirectory users) : ICommandHandler<FlagOverdueDuties, int>
{
    public async ValueTask<int> Handle(FlagOverdueDuties command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today(); // the programme's day: the job runs at 02:00 Tehran, still yesterday in UTC
        // Only newly overdue duties are loaded: a handful a day, however many duties there are.
        var newlyOverdue = await db.Duties
            .OverdueOn(today).Where(d => d.OverdueSince == null)
            .ToListAsync(cancellationToken);
        foreach (var duty in newlyOverdue.Where(d => d.MarkOverdue(today)))
            db.AgencyNotifications.Add(new AgencyNotification(duty.AgencyId, duty.Id, NotificationKind.DutyOverdue, now));
        // The residents following each newly overdue duty (marked once, so told once).
        foreach (var duty in newlyOverdue.Where(d => d.OverdueSince == today))
            await db.QueueDutyOverdueAsync(duty, now, cancellationToken);
        await QueueOverdueEmailsAsync(newlyOverdue, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another run flagged the same duties at the same moment; its transaction did the work.
            db.DiscardChanges();
            return 0;
        }
        return newlyOverdue.Count;
    }

    // Each agency's managers hear once of each duty that became overdue (per due day: a duty given a new day and late again is news).
    private async Task QueueOverdueEmailsAsync(IReadOnlyCollection<Duty> overdue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = overdue.Where(d => d.OverdueSince != null).Select(d => d.Id).ToList();
        if (ids.Count == 0) return;
        foreach (var duty in await db.Duties.AsNoTracking().Where(d => ids.Contains(d.Id)).Facts(db).ToListAsync(cancellationToken))
            await db.QueueDutyEmailAsync(users, MessageKind.DutyOverdue, duty, $"duty:{duty.Id}:due:{StaffMessages.TopicDay(duty.DueDate)}", now, cancellationToken);
    }
}
