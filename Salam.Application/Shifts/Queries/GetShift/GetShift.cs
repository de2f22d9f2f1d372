using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Queries.GetShift;

/// <summary>One shift with its bookings, and the volunteers who could still be assigned (contacted or active, of its neighbourhoods, free at that time).</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetShift(int ShiftId) : IQuery<ShiftPage>, IShiftScoped;

public sealed record ShiftPage(ShiftLine Line, Guid Version, int CentreId, string? LinkTitle, bool HasEnded, IReadOnlyList<BookingLine> Bookings,
    IReadOnlyList<VolunteerChoice> Assignable);

public sealed record BookingLine(int BookingId, int VolunteerId, string Name, VolunteerSkill Skills, bool BySelf, Attendance Attendance, int Minutes);

public sealed record VolunteerChoice(int VolunteerId, string Name, VolunteerSkill Skills);

public sealed class GetShiftHandler : IQueryHandler<GetShift, ShiftPage>
{
    public ValueTask<ShiftPage> Handle(GetShift query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
