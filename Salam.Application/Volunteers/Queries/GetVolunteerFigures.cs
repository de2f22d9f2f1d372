using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>Volunteer counts per neighbourhood by status and by skill, for the roll-ups to read.</summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin, AllowSystem = true)]
public sealed record GetVolunteerFigures : IQuery<IReadOnlyList<VolunteerFigure>>, ICallerScoped;

/// <summary>How many volunteers of one neighbourhood, in one status, offer one skill; <see cref="VolunteerSkill.None"/> counts them all.</summary>
public sealed record VolunteerFigure(int NeighbourhoodId, VolunteerStatus Status, VolunteerSkill Skill, int Count);

public sealed class GetVolunteerFiguresHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetVolunteerFigures, IReadOnlyList<VolunteerFigure>>
{
    public async ValueTask<IReadOnlyList<VolunteerFigure>> Handle(GetVolunteerFigures query, CancellationToken cancellationToken)
    {
        var places = scope.Neighbourhoods();
        // One set-based query; skill combinations are few, so they are split into single skills here rather than by 16 queries.
        var groups = await db.Volunteers.AsNoTracking()
            .Where(v => places.Any(n => n.Id == v.NeighbourhoodId))
            .GroupBy(v => new { v.NeighbourhoodId, v.Status, v.Skills })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.Status, g.Key.Skills, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return [.. groups
            .SelectMany(g => VolunteerFlags.Each(g.Skills).Prepend(VolunteerSkill.None).Select(skill => (g.NeighbourhoodId, g.Status, Skill: skill, g.Count)))
            .GroupBy(x => (x.NeighbourhoodId, x.Status, x.Skill))
            .Select(x => new VolunteerFigure(x.Key.NeighbourhoodId, x.Key.Status, x.Key.Skill, x.Sum(y => y.Count)))
            .OrderBy(f => f.NeighbourhoodId).ThenBy(f => f.Status).ThenBy(f => f.Skill)];
    }
}
