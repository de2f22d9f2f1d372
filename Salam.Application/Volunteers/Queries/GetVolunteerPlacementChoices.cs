using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Duties.Common;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>
/// What one volunteer can be placed on, for placing from their roster row: the open duties and approved needs of their own
/// neighbourhood whose category calls for a skill they offer (a duty for no need asks for none, so it is always offered).
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetVolunteerPlacementChoices(int VolunteerId) : IQuery<VolunteerPlacementChoices>, IVolunteerScoped;

/// <param name="PlacedOn">Keys (<see cref="PlacementTarget.Key"/>) of the choices the volunteer is already placed on.</param>
public sealed record VolunteerPlacementChoices(int VolunteerId, string Name, VolunteerSkill Skills, VolunteerStatus Status, bool Withdrawn,
    IReadOnlyList<PlacementTarget> Choices, IReadOnlySet<string> PlacedOn);

public sealed class GetVolunteerPlacementChoicesHandler(ISalamDbContext db) : IQueryHandler<GetVolunteerPlacementChoices, VolunteerPlacementChoices>
{
    public async ValueTask<VolunteerPlacementChoices> Handle(GetVolunteerPlacementChoices query, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.Id == query.VolunteerId)
            .Select(v => new { v.Id, v.Resident!.FullName, v.NeighbourhoodId, v.Skills, v.Status, Withdrawn = v.WithdrawnAt != null })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Volunteer"));

        // The categories that call for one of the volunteer's skills: a short list worked out here, the filtering done in SQL.
        var fitting = Enum.GetValues<NeedCategory>().Where(c => (VolunteerRanking.SkillsFor(c) & volunteer.Skills) != 0).ToList();
        var targets = new PlacementTargetQueries(db);
        var duties = await targets.Duties(db.Duties.Open().Where(d => d.NeighbourhoodId == volunteer.NeighbourhoodId
                && (d.NeedId == null || db.Needs.Any(n => n.Id == d.NeedId && fitting.Contains(n.Category)))))
            .Take(Paging.MaxPageSize).ToListAsync(cancellationToken);
        var needs = await targets.Needs(db.Needs.Where(n => n.NeighbourhoodId == volunteer.NeighbourhoodId && n.Status == NeedStatus.Approved && fitting.Contains(n.Category)))
            .Take(Paging.MaxPageSize).ToListAsync(cancellationToken);

        var placed = await db.Placements.AsNoTracking().Where(p => p.VolunteerId == volunteer.Id)
            .Select(p => new { p.DutyId, p.NeedId }).ToListAsync(cancellationToken);
        return new VolunteerPlacementChoices(volunteer.Id, volunteer.FullName, volunteer.Skills, volunteer.Status, volunteer.Withdrawn,
            [.. duties, .. needs], placed.Select(p => new PlacementTarget(p.DutyId, p.NeedId, "", default!, null, null, 0).Key).ToHashSet());
    }
}
