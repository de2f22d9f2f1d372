using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RecordAttendance;

/// <summary>After the meeting's time: which organisations came (at least one) and how many people. Planned → Held.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RecordAttendance(int MeetingId, IReadOnlyList<OrganisationInput> Attended, int Attendees, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class RecordAttendanceHandler : ICommandHandler<RecordAttendance, Unit>
{
    public ValueTask<Unit> Handle(RecordAttendance command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
