using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.RecordAttendance;

/// <summary>After a shift ends, the facilitator records every booked volunteer at once: attended with minutes, or did not come. All rows or none.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RecordAttendance(int ShiftId, Guid Version, IReadOnlyList<AttendanceEntry> Entries) : ICommand<ShiftWritten>, IShiftScoped;

public sealed class RecordAttendanceHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordAttendance, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
        shift.EnsureSeen(command.Version);
        // The domain checks every row before it changes any, and one save writes them all: a bad row leaves every row as it was.
        shift.RecordAttendance(command.Entries, user.UserId ?? 0, clock.GetUtcNow());
        return await db.SaveShiftAsync(shift, cancellationToken);
    }
}
