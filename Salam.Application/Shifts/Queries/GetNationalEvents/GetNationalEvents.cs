using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Shifts.Queries.GetNationalEvents;

/// <summary>The national volunteer days, latest first, with how many centres, places booked and minutes attended.</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record GetNationalEvents : IQuery<IReadOnlyList<NationalEventLine>>, INationalScoped;

public sealed record NationalEventLine(int EventId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill,
    int PlacesPerCentre, int Shifts, int Booked, int AttendedMinutes);

public sealed class GetNationalEventsHandler : IQueryHandler<GetNationalEvents, IReadOnlyList<NationalEventLine>>
{
    public ValueTask<IReadOnlyList<NationalEventLine>> Handle(GetNationalEvents query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
