using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Queries.GetMyShifts;

/// <summary>A volunteer's page: shifts open to them, their bookings, their past shifts and their hours.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyShifts : IQuery<MyShifts>, ICallerScoped;

/// <summary>
/// <see cref="IsVolunteer"/> false: the resident has no offer, and the page says how to become one. <see cref="MaySignUp"/> false:
/// they offered but are not yet contacted (or are inactive or withdrew), so no shift is open to them; their past shifts and hours still show.
/// </summary>
public sealed record MyShifts(bool IsVolunteer, bool MaySignUp, IReadOnlyList<MyShiftLine> Open, IReadOnlyList<MyShiftLine> Booked,
    IReadOnlyList<MyShiftLine> Past, int MinutesLast90Days, int MinutesTotal);

public sealed record MyShiftLine(int ShiftId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill,
    int PlacesLeft, Attendance Attendance, int Minutes);

public sealed class GetMyShiftsHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetMyShifts, MyShifts>
{
    /// <summary>Hours "lately" are those of shifts that started in this many days.</summary>
    public const int RecentDays = 90;

    public const int MostOfEach = 50;

    public async ValueTask<MyShifts> Handle(GetMyShifts query, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.ResidentId == residentId)
            .Select(v => new { v.Id, v.NeighbourhoodId, v.Status, Withdrawn = v.WithdrawnAt != null }).SingleOrDefaultAsync(cancellationToken);
        if (volunteer is null) return new MyShifts(false, false, [], [], [], 0, 0);

        var now = clock.GetUtcNow();
        var since = now.AddDays(-RecentDays);
        var mine = db.ShiftBookings.AsNoTracking().Where(b => b.VolunteerId == volunteer.Id);
        var booked = await Lines(db.Shifts.Where(s => s.EndsAt > now && mine.Any(b => b.ShiftId == s.Id)).OrderBy(s => s.StartsAt).ThenBy(s => s.Id), volunteer.Id)
            .Take(MostOfEach).ToListAsync(cancellationToken);
        var past = await Lines(db.Shifts.Where(s => s.EndsAt <= now && mine.Any(b => b.ShiftId == s.Id)).OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id), volunteer.Id)
            .Take(MostOfEach).ToListAsync(cancellationToken);
        var attended = mine.Where(b => b.Attendance == Attendance.Attended);
        var total = await attended.SumAsync(b => b.Minutes, cancellationToken);
        var recent = await attended.Where(b => db.Shifts.Any(s => s.Id == b.ShiftId && s.StartsAt >= since)).SumAsync(b => b.Minutes, cancellationToken);

        var maySignUp = !volunteer.Withdrawn && volunteer.Status is VolunteerStatus.Contacted or VolunteerStatus.Active;
        List<MyShiftLine> open = [];
        if (maySignUp)
        {
            // Open to where they live (its own neighbourhood, or any its centre serves), not started, a place left, not theirs already.
            var place = volunteer.NeighbourhoodId;
            var centre = db.Neighbourhoods.Where(n => n.Id == place).Select(n => n.CentreId);
            open = await Lines(db.Shifts
                .Where(s => s.StartsAt > now && s.Bookings.Count() < s.Places && !mine.Any(b => b.ShiftId == s.Id))
                .Where(s => s.NeighbourhoodId == place || (s.NeighbourhoodId == null && centre.Any(c => c == s.CentreId)))
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id), volunteer.Id).Take(MostOfEach).ToListAsync(cancellationToken);
        }
        return new MyShifts(true, maySignUp, open, booked, past, recent, total);
    }

    private static IQueryable<MyShiftLine> Lines(IQueryable<Shift> shifts, int volunteerId) => shifts.Select(s => new MyShiftLine(
        s.Id, s.Title, s.Place, s.StartsAt, s.EndsAt, s.Skill, s.Places - s.Bookings.Count(),
        s.Bookings.Where(b => b.VolunteerId == volunteerId).Select(b => b.Attendance).FirstOrDefault(),
        s.Bookings.Where(b => b.VolunteerId == volunteerId).Select(b => b.Minutes).FirstOrDefault()));
}
