using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Queries.GetMyShifts;

/// <summary>A volunteer's page: shifts open to them, their bookings, their past shifts and their hours.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyShifts : IQuery<MyShifts>, ICallerScoped;

/// <summary><see cref="IsVolunteer"/> false: the resident has no offer (or is not yet contacted), and the page says how to become one.</summary>
public sealed record MyShifts(bool IsVolunteer, bool MaySignUp, IReadOnlyList<MyShiftLine> Open, IReadOnlyList<MyShiftLine> Booked,
    IReadOnlyList<MyShiftLine> Past, int MinutesLast90Days, int MinutesTotal);

public sealed record MyShiftLine(int ShiftId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill,
    int PlacesLeft, Attendance Attendance, int Minutes);

public sealed class GetMyShiftsHandler : IQueryHandler<GetMyShifts, MyShifts>
{
    public ValueTask<MyShifts> Handle(GetMyShifts query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
