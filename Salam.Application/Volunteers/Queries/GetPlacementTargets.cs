using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Application.Duties.Common;

namespace Salam.Application.Volunteers.Queries;

/// <summary>The work volunteers can be placed on in the caller's neighbourhoods: open duties and approved needs.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetPlacementTargets : IQuery<IReadOnlyList<PlacementTarget>>, ICallerScoped;

/// <summary>A duty (with its agency) or a need that can take volunteers; exactly one of the two ids is set.</summary>
public sealed record PlacementTarget(int? DutyId, int? NeedId, string Title, PlaceName Neighbourhood, NeedCategory? Category, PlaceName? Agency, int Placed)
{
    public string Key => DutyId is { } duty ? $"duty-{duty}" : $"need-{NeedId}";
}

public sealed class GetPlacementTargetsHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetPlacementTargets, IReadOnlyList<PlacementTarget>>
{
    public async ValueTask<IReadOnlyList<PlacementTarget>> Handle(GetPlacementTargets query, CancellationToken cancellationToken)
    {
        var places = scope.Neighbourhoods();
        var duties = await db.Duties.AsNoTracking()
            .Open().Where(d => places.Any(n => n.Id == d.NeighbourhoodId))
            .OrderBy(d => d.DueDate)
            .Select(d => new PlacementTarget(d.Id, null, d.Title,
                db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
                db.Needs.Where(n => n.Id == d.NeedId).Select(n => (NeedCategory?)n.Category).FirstOrDefault(),
                new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
                db.Placements.Count(p => p.DutyId == d.Id)))
            .ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking()
            .Where(x => places.Any(n => n.Id == x.NeighbourhoodId) && x.Status == NeedStatus.Approved)
            .OrderBy(x => x.Title)
            .Select(x => new PlacementTarget(null, x.Id, x.Title,
                db.Neighbourhoods.Where(n => n.Id == x.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
                x.Category, null, db.Placements.Count(p => p.NeedId == x.Id)))
            .ToListAsync(cancellationToken);
        return [.. duties, .. needs];
    }
}
