using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Queries.GetNationalEvents;

/// <summary>The national volunteer days, latest first, with how many centres, places booked and minutes attended.</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record GetNationalEvents : IQuery<IReadOnlyList<NationalEventLine>>, INationalScoped;

public sealed record NationalEventLine(int EventId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill,
    int PlacesPerCentre, int Shifts, int Booked, int AttendedMinutes);

public sealed class GetNationalEventsHandler(ISalamDbContext db) : IQueryHandler<GetNationalEvents, IReadOnlyList<NationalEventLine>>
{
    public const int MostShown = 100;

    public async ValueTask<IReadOnlyList<NationalEventLine>> Handle(GetNationalEvents query, CancellationToken cancellationToken) =>
        await db.NationalEvents.AsNoTracking().OrderByDescending(e => e.Day).ThenByDescending(e => e.Id).Take(MostShown)
            .Select(e => new NationalEventLine(e.Id, e.Title, e.Place, e.StartsAt, e.EndsAt, e.Skill, e.PlacesPerCentre,
                db.Shifts.Count(s => s.NationalEventId == e.Id),
                db.ShiftBookings.Count(b => db.Shifts.Any(s => s.Id == b.ShiftId && s.NationalEventId == e.Id)),
                db.ShiftBookings.Where(b => b.Attendance == Attendance.Attended && db.Shifts.Any(s => s.Id == b.ShiftId && s.NationalEventId == e.Id))
                    .Sum(b => b.Minutes)))
            .ToListAsync(cancellationToken);
}
