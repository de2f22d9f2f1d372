using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Common;
using Salam.Domain.Meetings;

namespace Salam.Application.Meetings.Commands.RecordAttendance;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        this.Organisations(c => c.Attended, "Meeting.NoOrganisationAttended");
        RuleFor(c => c.Attendees).InclusiveBetween(1, Meeting.MaxAttendees)
            .WithMessage(_ => Text.Get("Meeting.AttendeesOutOfRange", 1, Meeting.MaxAttendees));
    }
}
