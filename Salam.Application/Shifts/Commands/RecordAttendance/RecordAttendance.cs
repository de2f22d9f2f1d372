using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.RecordAttendance;

/// <summary>After a shift ends, the facilitator records every booked volunteer at once: attended with minutes, or did not come. All rows or none.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RecordAttendance(int ShiftId, Guid Version, IReadOnlyList<AttendanceEntry> Entries) : ICommand<ShiftWritten>, IShiftScoped;

public sealed class RecordAttendanceHandler : ICommandHandler<RecordAttendance, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(RecordAttendance command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
