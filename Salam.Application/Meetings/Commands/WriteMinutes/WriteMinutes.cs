using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.WriteMinutes;

/// <summary>Saves the minutes' draft (Markdown) and whether they will be public; only once the meeting is Held, never after publication.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record WriteMinutes(int MeetingId, string Minutes, bool Public, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class WriteMinutesHandler(ISalamDbContext db, ICurrentUser user) : ICommandHandler<WriteMinutes, Unit>
{
    public async ValueTask<Unit> Handle(WriteMinutes command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        // Two people editing the same minutes: the second save would silently erase the first's text.
        meeting.EnsureSeen(command.Version);
        meeting.WriteMinutes(command.Minutes, command.Public);
        await db.SaveMeetingAsync(cancellationToken);
        return Unit.Value;
    }
}
