using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.CreateNationalEvent;

/// <summary>Ministry staff create a nationwide volunteer day once: one shift at every centre (of an active province).</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record CreateNationalEvent(string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill, int PlacesPerCentre)
    : ICommand<NationalEventCreated>, INationalScoped;

public sealed record NationalEventCreated(int EventId, int Shifts);

public sealed class CreateNationalEventHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateNationalEvent, NationalEventCreated>
{
    public async ValueTask<NationalEventCreated> Handle(CreateNationalEvent command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            // The event and every centre's shift in one transaction: a failure at any centre leaves no event and no shift.
            return await db.InTransactionAsync(async () =>
            {
                var day = ProgrammeCalendar.DayOf(command.StartsAt);
                if (await db.NationalEvents.AnyAsync(e => e.Day == day, cancellationToken)) throw new RequestRefusedException(Text.Get("Shift.EventExists"));
                var nationalEvent = new NationalEvent(command.Title, command.Place, command.StartsAt, command.EndsAt, command.Skill, command.PlacesPerCentre,
                    user.UserId ?? 0, now);
                db.NationalEvents.Add(nationalEvent);
                // Saved first: each shift names the event by its id.
                await db.SaveChangesAsync(cancellationToken);

                var centres = await db.Centres.AsNoTracking().Where(c => db.Provinces.Any(p => p.Id == c.ProvinceId && p.IsActive))
                    .OrderBy(c => c.Id).Select(c => new { c.Id, c.ProvinceId }).ToListAsync(cancellationToken);
                if (centres.Count == 0) throw new RequestRefusedException(Text.Get("Shift.NoCentres"));
                db.Shifts.AddRange(centres.Select(c => nationalEvent.ShiftAt(c.Id, c.ProvinceId, now)));
                await db.SaveChangesAsync(cancellationToken);
                return new NationalEventCreated(nationalEvent.Id, centres.Count);
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Two ministry desks submitting the same day at once: the day's unique index lets one through.
            throw new RequestRefusedException(Text.Get("Shift.EventExists"));
        }
    }
}
