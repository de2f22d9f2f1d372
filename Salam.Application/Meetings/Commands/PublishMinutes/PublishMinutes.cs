using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.PublishMinutes;

/// <summary>Publishes the minutes: Held → MinutesPublished; every agency decision becomes its agency's duty in the same save.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record PublishMinutes(int MeetingId, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class PublishMinutesHandler : ICommandHandler<PublishMinutes, Unit>
{
    public ValueTask<Unit> Handle(PublishMinutes command, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the core helper");
}
