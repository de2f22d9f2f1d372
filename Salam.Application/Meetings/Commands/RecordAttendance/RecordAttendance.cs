using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RecordAttendance;

/// <summary>After the meeting's time: which organisations came (at least one) and how many people. Planned → Held.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RecordAttendance(int MeetingId, IReadOnlyList<OrganisationInput> Attended, int Attendees, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class RecordAttendanceHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordAttendance, Unit>
{
    public async ValueTask<Unit> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        meeting.EnsureSeen(command.Version);
        // An agency that turned up uninvited must work here and be active, as an invited one had to be; one invited and since
        // deactivated still came, and the record says so.
        var invited = meeting.Organisations.Where(o => o.Invited && o.AgencyId is not null).Select(o => o.AgencyId!.Value).ToHashSet();
        await db.EnsureAgenciesServeAsync(meeting.ProvinceId,
            [.. command.Attended.Where(o => o.Kind == OrganisationKind.Agency).Select(o => o.AgencyId).OfType<int>().Where(id => !invited.Contains(id))], cancellationToken);

        meeting.RecordAttendance([.. command.Attended.Select(o => o.ToOrganisation())], command.Attendees, clock.GetUtcNow());
        await db.SaveMeetingAsync(cancellationToken);
        return Unit.Value;
    }
}
