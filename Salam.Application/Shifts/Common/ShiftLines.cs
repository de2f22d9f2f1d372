using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Common;

/// <summary>Shifts as list lines, counted in SQL: bookings, attended minutes, the neighbourhood's name when it names one.</summary>
public static class ShiftLines
{
    public static async Task<List<ShiftLine>> ToLinesAsync(this IQueryable<Shift> shifts, ISalamDbContext db, CancellationToken cancellationToken)
    {
        var rows = await shifts.AsNoTracking().Select(s => new
        {
            s.Id, s.Title, s.Place, s.StartsAt, s.EndsAt, s.Skill, s.Places,
            Booked = s.Bookings.Count(),
            Neighbourhood = db.Neighbourhoods.Where(n => n.Id == s.NeighbourhoodId).Select(n => new { n.NameFa, n.NameEn }).FirstOrDefault(),
            National = s.NationalEventId != null,
            Recorded = s.AttendanceRecordedAt != null,
            Minutes = s.Bookings.Where(b => b.Attendance == Attendance.Attended).Sum(b => b.Minutes),
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ShiftLine(r.Id, r.Title, r.Place, r.StartsAt, r.EndsAt, r.Skill, r.Places, r.Booked,
            r.Neighbourhood is null ? null : new PlaceName(r.Neighbourhood.NameFa, r.Neighbourhood.NameEn), r.National, r.Recorded, r.Minutes))];
    }
}
