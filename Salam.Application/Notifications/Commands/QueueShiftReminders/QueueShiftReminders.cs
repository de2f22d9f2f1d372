using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Application.Notifications.Common;
using Salam.Domain.Common;
using Salam.Domain.Notifications;

namespace Salam.Application.Notifications.Commands.QueueShiftReminders;

/// <summary>Daily: texts every volunteer booked on a shift that starts tomorrow (Tehran day) when and where it is, once per shift and day.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record QueueShiftReminders : ICommand<int>, INationalScoped;

public sealed class QueueShiftRemindersHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<QueueShiftReminders, int>
{
    public async ValueTask<int> Handle(QueueShiftReminders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tomorrow = clock.Today().AddDays(1);
        var (from, until) = (ProgrammeCalendar.StartOf(tomorrow), ProgrammeCalendar.StartOf(tomorrow.AddDays(1)));
        var shifts = await db.Shifts.AsNoTracking()
            .Where(s => s.StartsAt >= from && s.StartsAt < until && s.Bookings.Any())
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Title, s.Place, s.StartsAt })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var shift in shifts)
        {
            var booked = db.Residents.Where(r => db.ShiftBookings.Any(b => b.ShiftId == shift.Id
                && db.Volunteers.Any(v => v.Id == b.VolunteerId && v.ResidentId == r.Id)));
            // Title and place cut so the text and its footer fit two parts.
            var time = ProgrammeCalendar.LocalTime(shift.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            queued += await db.QueueSmsToResidentsAsync(booked, MessageKind.ShiftReminder, $"shift:{shift.Id}:day:{StaffMessages.TopicDay(tomorrow)}",
                language => MessageText.Render(language, "Messages.ShiftReminder", MessageText.Fit(shift.Title, 24),
                    language == Domain.People.Languages.English ? time : Digits.ToPersian(time), MessageText.Fit(shift.Place, 20)),
                now, null, cancellationToken);
        }
        return await db.SaveQueuedAsync(queued, cancellationToken);
    }
}
