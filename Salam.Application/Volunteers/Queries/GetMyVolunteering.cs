using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>A resident's own volunteering: their offer (if any) and where the facilitator has placed them.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyVolunteering : IQuery<MyVolunteering>, ICallerScoped;

public sealed record MyVolunteering(PlaceName Neighbourhood, MyOffer? Offer, IReadOnlyList<MyPlacement> Placements);

public sealed record MyOffer(VolunteerSkill Skills, int HoursPerWeek, Weekdays Days, string? Note, VolunteerStatus Status, bool Withdrawn, DateTimeOffset RegisteredAt);

public sealed record MyPlacement(string Title, bool IsDuty, PlaceName? Agency, DateTimeOffset PlacedAt);

public sealed class GetMyVolunteeringHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetMyVolunteering, MyVolunteering>
{
    public async ValueTask<MyVolunteering> Handle(GetMyVolunteering query, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var neighbourhood = await db.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new PlaceName(r.Neighbourhood!.NameFa, r.Neighbourhood.NameEn)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var offer = await db.Volunteers.AsNoTracking().Where(v => v.ResidentId == residentId)
            .Select(v => new { v.Id, Offer = new MyOffer(v.Skills, v.HoursPerWeek, v.Days, v.Note, v.Status, v.WithdrawnAt != null, v.RegisteredAt) })
            .SingleOrDefaultAsync(cancellationToken);
        if (offer is null) return new MyVolunteering(neighbourhood, null, []);

        var placements = await db.Placements.AsNoTracking().Where(p => p.VolunteerId == offer.Id)
            .OrderByDescending(p => p.PlacedAt)
            .Select(p => new MyPlacement(
                p.DutyId != null ? db.Duties.Where(d => d.Id == p.DutyId).Select(d => d.Title).First() : db.Needs.Where(n => n.Id == p.NeedId).Select(n => n.Title).First(),
                p.DutyId != null,
                p.DutyId == null ? null : db.Duties.Where(d => d.Id == p.DutyId).Select(d => new PlaceName(d.Agency!.NameFa, d.Agency.NameEn)).First(),
                p.PlacedAt))
            .ToListAsync(cancellationToken);
        return new MyVolunteering(neighbourhood, offer.Offer, placements);
    }
}
