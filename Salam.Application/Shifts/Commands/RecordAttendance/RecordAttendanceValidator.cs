using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.RecordAttendance;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(c => c.Version).NotEqual(Guid.Empty).WithMessage(_ => Text.Get("Shift.Stale"));
        // A shift holds at most MaxPlaces bookings: a longer list is tampered, and refused before any row is read.
        RuleFor(c => c.Entries).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Get("Shift.AttendanceIncomplete"))
            .Must(e => e.Count <= Shift.MaxPlaces && e.All(x => x is not null)).WithMessage(_ => Text.Get("Shift.AttendanceIncomplete"))
            .Must(e => e.Select(x => x.BookingId).Distinct().Count() == e.Count).WithMessage(_ => Text.Get("Shift.AttendanceIncomplete"));
        // The shift's own length caps the minutes (the domain knows it); here only what no shift allows.
        RuleForEach(c => c.Entries).Must(e => e.Attendance switch
            {
                Attendance.Attended => e.Minutes is >= 1 and <= Shift.MaxLengthMinutes,
                Attendance.NoShow => e.Minutes is null or 0,
                _ => false,
            }).WithMessage(_ => Text.Get("Shift.AttendanceInvalid", Shift.MaxLengthMinutes))
            .When(c => c.Entries is { Count: <= Shift.MaxPlaces } entries && entries.All(x => x is not null));
    }
}
