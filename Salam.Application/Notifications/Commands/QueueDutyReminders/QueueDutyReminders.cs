using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;
using Salam.Application.Notifications.Common;
using Salam.Domain.Notifications;

namespace Salam.Application.Notifications.Commands.QueueDutyReminders;

/// <summary>
/// Daily: e-mails the agency managers of every open duty due within the next <see cref="DaysAhead"/> Tehran days, once per duty
/// and due day (a run missed or repeated neither skips nor doubles a reminder).
/// </summary>
[AllowedRoles(AllowSystem = true)]
public sealed record QueueDutyReminders : ICommand<int>, INationalScoped
{
    public const int DaysAhead = 3;
}

public sealed class QueueDutyRemindersHandler(ISalamDbContext db, TimeProvider clock, IUserDirectory users) : ICommandHandler<QueueDutyReminders, int>
{
    public async ValueTask<int> Handle(QueueDutyReminders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (today, last) = (clock.Today(), clock.Today().AddDays(QueueDutyReminders.DaysAhead));
        var due = await db.Duties.AsNoTracking().Open()
            .Where(d => d.DueDate > today && d.DueDate <= last)
            .OrderBy(d => d.Id).Facts(db).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var duty in due)
            queued += await db.QueueDutyEmailAsync(users, MessageKind.DutyDueSoon, duty, $"duty:{duty.Id}:due:{StaffMessages.TopicDay(duty.DueDate)}", now, cancellationToken);
        return await db.SaveQueuedAsync(queued, cancellationToken);
    }
}
