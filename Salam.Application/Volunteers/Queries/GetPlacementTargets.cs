using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Application.Duties.Common;

namespace Salam.Application.Volunteers.Queries;

/// <summary>One page of the work volunteers can be placed on in the caller's neighbourhoods: open duties (soonest due first), then approved needs.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetPlacementTargets(int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<PlacementTarget>>, ICallerScoped;

/// <summary>A duty (with its agency) or a need that can take volunteers; exactly one of the two ids is set.</summary>
public sealed record PlacementTarget(int? DutyId, int? NeedId, string Title, PlaceName Neighbourhood, NeedCategory? Category, PlaceName? Agency, int Placed)
{
    public string Key => DutyId is { } duty ? $"duty-{duty}" : $"need-{NeedId}";
}

public sealed class GetPlacementTargetsValidator : AbstractValidator<GetPlacementTargets>
{
    public GetPlacementTargetsValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed class GetPlacementTargetsHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetPlacementTargets, Paged<PlacementTarget>>
{
    public async ValueTask<Paged<PlacementTarget>> Handle(GetPlacementTargets query, CancellationToken cancellationToken)
    {
        var places = scope.Neighbourhoods();
        var targets = new PlacementTargetQueries(db);
        var duties = targets.Duties(db.Duties.Open().Where(d => places.Any(n => n.Id == d.NeighbourhoodId)));
        var needs = targets.Needs(db.Needs.Where(x => places.Any(n => n.Id == x.NeighbourhoodId) && x.Status == NeedStatus.Approved));

        // Duties come first, then needs: the page is cut across the two lists in the database, never read whole.
        var (dutyCount, needCount) = (await duties.CountAsync(cancellationToken), await needs.CountAsync(cancellationToken));
        var skip = query.Page * query.PageSize;
        var fromDuties = skip < dutyCount ? await duties.Skip(skip).Take(query.PageSize).ToListAsync(cancellationToken) : [];
        var rest = query.PageSize - fromDuties.Count;
        var fromNeeds = rest > 0 ? await needs.Skip(Math.Max(0, skip - dutyCount)).Take(rest).ToListAsync(cancellationToken) : [];
        return new Paged<PlacementTarget>([.. fromDuties, .. fromNeeds], dutyCount + needCount);
    }
}

/// <summary>The two kinds of placement target as ordered projections, shared by the placement page and a volunteer's own choices.</summary>
internal sealed class PlacementTargetQueries(ISalamDbContext db)
{
    public IQueryable<PlacementTarget> Duties(IQueryable<Duty> duties) => duties.AsNoTracking()
        .OrderBy(d => d.DueDate).ThenBy(d => d.Id)
        .Select(d => new PlacementTarget(d.Id, null, d.Title,
            db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
            db.Needs.Where(n => n.Id == d.NeedId).Select(n => (NeedCategory?)n.Category).FirstOrDefault(),
            new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
            db.Placements.Count(p => p.DutyId == d.Id)));

    public IQueryable<PlacementTarget> Needs(IQueryable<Need> needs) => needs.AsNoTracking()
        .OrderBy(x => x.Title).ThenBy(x => x.Id)
        .Select(x => new PlacementTarget(null, x.Id, x.Title,
            db.Neighbourhoods.Where(n => n.Id == x.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
            x.Category, null, db.Placements.Count(p => p.NeedId == x.Id)));
}
