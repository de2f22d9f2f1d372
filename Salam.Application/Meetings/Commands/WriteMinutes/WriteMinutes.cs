using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.WriteMinutes;

/// <summary>Saves the minutes' draft (Markdown) and whether they will be public; only once the meeting is Held, never after publication.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record WriteMinutes(int MeetingId, string Minutes, bool Public, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class WriteMinutesHandler : ICommandHandler<WriteMinutes, Unit>
{
    public ValueTask<Unit> Handle(WriteMinutes command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
