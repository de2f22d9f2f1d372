using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Common;

/// <summary>Loading a shift to change it, the overlap and neighbourhood reads a booking needs, and saving against the version seen.</summary>
public static class ShiftLookup
{
    /// <summary>The shift with its bookings, tracked; not found when there is none.</summary>
    public static async Task<Shift> FindShiftAsync(this ISalamDbContext db, int shiftId, CancellationToken cancellationToken) =>
        await db.Shifts.Include(s => s.Bookings).SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Shift"));

    public static async Task<Volunteer> FindVolunteerAsync(this ISalamDbContext db, int volunteerId, CancellationToken cancellationToken) =>
        await db.Volunteers.SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Volunteer"));

    /// <summary>
    /// Books the volunteer on the shift: whether the centre serves their neighbourhood and whether another of their bookings
    /// overlaps this shift's time are read in SQL (two intervals overlap when each starts before the other ends).
    /// </summary>
    public static async Task<ShiftBooking> BookAsync(this ISalamDbContext db, Shift shift, Volunteer volunteer, bool bySelf, int byUserId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var served = await db.Neighbourhoods.AnyAsync(n => n.Id == volunteer.NeighbourhoodId && n.CentreId == shift.CentreId, cancellationToken);
        var overlaps = await db.ShiftBookings.AnyAsync(b => b.VolunteerId == volunteer.Id && b.ShiftId != shift.Id
            && db.Shifts.Any(other => other.Id == b.ShiftId && other.StartsAt < shift.EndsAt && other.EndsAt > shift.StartsAt), cancellationToken);
        return shift.Book(volunteer, served, overlaps, bySelf, byUserId, at);
    }

    /// <summary>Saves; a shift changed between reading and saving (its version token, or the same volunteer booked twice) is refused, never oversold.</summary>
    public static async Task<ShiftWritten> SaveShiftAsync(this ISalamDbContext db, Shift shift, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("Shift.Stale"));
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            throw new RequestRefusedException(Text.Get("Shift.Stale"));
        }
        return new ShiftWritten(shift.Id, shift.Version);
    }
}
