using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Shifts.Commands.CreateNationalEvent;

/// <summary>Ministry staff create a nationwide volunteer day once: one shift at every centre (of an active province).</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record CreateNationalEvent(string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill, int PlacesPerCentre)
    : ICommand<NationalEventCreated>, INationalScoped;

public sealed record NationalEventCreated(int EventId, int Shifts);

public sealed class CreateNationalEventHandler : ICommandHandler<CreateNationalEvent, NationalEventCreated>
{
    public ValueTask<NationalEventCreated> Handle(CreateNationalEvent command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
