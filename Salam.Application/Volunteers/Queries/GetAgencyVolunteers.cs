using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>An agency manager's view of the volunteers placed on their agency's duties (no contact details: the facilitator coordinates).</summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record GetAgencyVolunteers : IQuery<IReadOnlyList<AgencyVolunteerRow>>, ICallerScoped;

public sealed record AgencyVolunteerRow(int DutyId, string DutyTitle, PlaceName Neighbourhood, string VolunteerName, VolunteerSkill Skills, Weekdays Days, int HoursPerWeek, DateTimeOffset PlacedAt);

public sealed class GetAgencyVolunteersHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetAgencyVolunteers, IReadOnlyList<AgencyVolunteerRow>>
{
    public async ValueTask<IReadOnlyList<AgencyVolunteerRow>> Handle(GetAgencyVolunteers query, CancellationToken cancellationToken)
    {
        var agencyId = user.AgencyId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        return await (
            from p in db.Placements.AsNoTracking()
            join d in db.Duties on p.DutyId equals d.Id
            join v in db.Volunteers on p.VolunteerId equals v.Id
            join n in db.Neighbourhoods on d.NeighbourhoodId equals n.Id
            where d.AgencyId == agencyId
            orderby d.DueDate, p.PlacedAt
            select new AgencyVolunteerRow(d.Id, d.Title, new PlaceName(n.NameFa, n.NameEn), v.Resident!.FullName, v.Skills, v.Days, v.HoursPerWeek, p.PlacedAt))
            .ToListAsync(cancellationToken);
    }
}
