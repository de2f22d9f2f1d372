using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;

namespace Salam.Application.Duties.Commands.FlagOverdueDuties;

/// <summary>Daily: marks duties past their due date and notifies their agencies once. A second run, or two at once, change nothing more.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record FlagOverdueDuties : ICommand<int>, INationalScoped;

public sealed class FlagOverdueDutiesHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<FlagOverdueDuties, int>
{
    public async ValueTask<int> Handle(FlagOverdueDuties command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Only newly overdue duties are loaded: a handful a day, however many duties there are.
        var newlyOverdue = await db.Duties
            .Where(d => d.OverdueSince == null && d.DueDate < today && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined)
            .ToListAsync(cancellationToken);
        foreach (var duty in newlyOverdue.Where(d => d.MarkOverdue(today)))
            db.AgencyNotifications.Add(new AgencyNotification(duty.AgencyId, duty.Id, NotificationKind.DutyOverdue, now));
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
}
