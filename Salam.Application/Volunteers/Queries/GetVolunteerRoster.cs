using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>The volunteers of the caller's neighbourhoods; mobile numbers only for the facilitators whose centre serves them.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetVolunteerRoster : IQuery<VolunteerRoster>, ICallerScoped;

public sealed record VolunteerRoster(IReadOnlyList<NeighbourhoodChoice> Neighbourhoods, IReadOnlyList<RosterRow> Volunteers, bool ShowsContact);

public sealed record NeighbourhoodChoice(int Id, PlaceName Name);

public sealed record RosterRow(
    int Id, string Name, int NeighbourhoodId, PlaceName Neighbourhood, VolunteerSkill Skills, Weekdays Days, int HoursPerWeek,
    VolunteerStatus Status, bool Withdrawn, DateTimeOffset StatusSince, string? Mobile, string? Note, int Placements);

public sealed class GetVolunteerRosterHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetVolunteerRoster, VolunteerRoster>
{
    public async ValueTask<VolunteerRoster> Handle(GetVolunteerRoster query, CancellationToken cancellationToken)
    {
        var places = scope.Neighbourhoods();
        var neighbourhoods = await places.AsNoTracking().OrderBy(n => n.NameFa)
            .Select(n => new NeighbourhoodChoice(n.Id, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
        // Contact details are the facilitator's working tool; officers see the roster, not the phone numbers.
        var showsContact = user.Role == Role.Facilitator;

        var rows = await db.Volunteers.AsNoTracking()
            .Where(v => places.Any(n => n.Id == v.NeighbourhoodId))
            .OrderBy(v => v.Status).ThenByDescending(v => v.RegisteredAt)
            .Select(v => new RosterRow(
                v.Id, v.Resident!.FullName, v.NeighbourhoodId,
                db.Neighbourhoods.Where(n => n.Id == v.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
                v.Skills, v.Days, v.HoursPerWeek, v.Status, v.WithdrawnAt != null,
                v.StatusChanges.OrderByDescending(c => c.At).Select(c => c.At).FirstOrDefault(),
                showsContact ? v.Resident.Mobile : null, v.Note,
                db.Placements.Count(p => p.VolunteerId == v.Id)))
            .ToListAsync(cancellationToken);
        return new VolunteerRoster(neighbourhoods, rows, showsContact);
    }
}

/// <summary>The roster's filter: any skill of the chosen ones, free on every chosen day, in the chosen status and neighbourhood.</summary>
public sealed record RosterFilter(VolunteerSkill Skills = VolunteerSkill.None, Weekdays Days = Weekdays.None, VolunteerStatus? Status = null, int? NeighbourhoodId = null)
{
    public bool Matches(RosterRow row) =>
        (Skills == VolunteerSkill.None || (row.Skills & Skills) != 0)
        && (row.Days & Days) == Days
        && (Status is null || row.Status == Status)
        && (NeighbourhoodId is null || row.NeighbourhoodId == NeighbourhoodId);
}
