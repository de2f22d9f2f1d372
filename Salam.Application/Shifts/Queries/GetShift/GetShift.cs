using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
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

public sealed class GetShiftHandler(ISalamDbContext db, TimeProvider clock) : IQueryHandler<GetShift, ShiftPage>
{
    /// <summary>A picker, not a roster: the roster page holds the rest.</summary>
    public const int MostAssignable = 300;

    public async ValueTask<ShiftPage> Handle(GetShift query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var line = (await db.Shifts.Where(s => s.Id == query.ShiftId).ToLinesAsync(db, cancellationToken)).Single();
        var shift = await db.Shifts.AsNoTracking().Where(s => s.Id == query.ShiftId)
            .Select(s => new { s.Version, s.CentreId, s.NeighbourhoodId, s.StartsAt, s.EndsAt, s.DutyId, s.NeedId, s.CampaignId, s.MeetingDecisionId })
            .SingleAsync(cancellationToken);
        var linkTitle = shift.DutyId is { } duty ? await db.Duties.Where(d => d.Id == duty).Select(d => d.Title).SingleAsync(cancellationToken)
            : shift.NeedId is { } need ? await db.Needs.Where(n => n.Id == need).Select(n => n.Title).SingleAsync(cancellationToken)
            : shift.CampaignId is { } campaign ? await db.Campaigns.Where(c => c.Id == campaign).Select(c => c.Name).SingleAsync(cancellationToken)
            : shift.MeetingDecisionId is { } decision ? await db.MeetingDecisions.Where(d => d.Id == decision).Select(d => d.Title).SingleAsync(cancellationToken)
            : null;

        var bookings = await db.ShiftBookings.AsNoTracking().Where(b => b.ShiftId == query.ShiftId)
            .Join(db.Volunteers, b => b.VolunteerId, v => v.Id, (b, v) => new { b, v })
            .OrderBy(x => x.v.Resident!.FullName).ThenBy(x => x.b.Id)
            .Select(x => new BookingLine(x.b.Id, x.v.Id, x.v.Resident!.FullName, x.v.Skills, x.b.BySelf, x.b.Attendance, x.b.Minutes))
            .ToListAsync(cancellationToken);

        // Only before it starts can anyone be put on it; then, those who live where it is open, ready, and free at that time.
        List<VolunteerChoice> assignable = [];
        if (shift.StartsAt > now)
        {
            var ready = db.Volunteers.AsNoTracking()
                .Where(v => v.WithdrawnAt == null && (v.Status == VolunteerStatus.Contacted || v.Status == VolunteerStatus.Active));
            ready = shift.NeighbourhoodId is { } only
                ? ready.Where(v => v.NeighbourhoodId == only)
                : ready.Where(v => db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.CentreId == shift.CentreId));
            assignable = await ready
                .Where(v => !db.ShiftBookings.Any(b => b.VolunteerId == v.Id
                    && (b.ShiftId == query.ShiftId || db.Shifts.Any(o => o.Id == b.ShiftId && o.StartsAt < shift.EndsAt && o.EndsAt > shift.StartsAt))))
                .OrderBy(v => v.Resident!.FullName).ThenBy(v => v.Id).Take(MostAssignable)
                .Select(v => new VolunteerChoice(v.Id, v.Resident!.FullName, v.Skills))
                .ToListAsync(cancellationToken);
        }
        return new ShiftPage(line, shift.Version, shift.CentreId, linkTitle, shift.EndsAt <= now, bookings, assignable);
    }
}
