using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Centres.Queries.GetCentres;

/// <summary>
/// The centres of one province in the caller's scope, with the neighbourhoods they serve and their facilitators, and what the
/// forms offer: the province's neighbourhoods and facilitators. An officer always gets their own province; the administrator
/// picks one (the first by default), so the national set's 20,000 neighbourhoods never land in one list.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record GetCentres(int? ProvinceId = null) : IQuery<CentreList>, IScoped
{
    // An officer without a province asked gets their own; the administrator the first.
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Caller];
}

public sealed record CentreList(
    int ProvinceId, IReadOnlyList<ProvinceOption> Provinces, IReadOnlyList<CentreRow> Centres,
    IReadOnlyList<NeighbourhoodOption> Neighbourhoods, IReadOnlyList<StaffAccount> Facilitators);

public sealed record ProvinceOption(int Id, PlaceName Name);

public sealed record CentreRow(int Id, int ProvinceId, PlaceName Name, string Address, CentreKind Kind, IReadOnlyList<NeighbourhoodOption> Neighbourhoods, IReadOnlyList<StaffAccount> Facilitators);

/// <summary>
/// A neighbourhood as the form offers it: with its county, and the centre that serves it now (it moves when chosen for another).
/// One out of service (deactivated, or its county or province) is still listed under the centre serving it, but offered to no other.
/// </summary>
public sealed record NeighbourhoodOption(int Id, PlaceName Name, PlaceName County, int? CentreId, bool InService = true);

public sealed class GetCentresHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope, IUserDirectory users) : IQueryHandler<GetCentres, CentreList>
{
    public async ValueTask<CentreList> Handle(GetCentres query, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking()
            .Where(p => user.Role == Role.Admin || p.Id == user.ProvinceId)
            .OrderBy(p => p.Id).Select(p => new ProvinceOption(p.Id, new PlaceName(p.NameFa, p.NameEn))).ToListAsync(cancellationToken);
        var provinceId = query.ProvinceId ?? (user.Role == Role.ProvinceOfficer ? user.ProvinceId : provinces.FirstOrDefault()?.Id) ?? 0;

        var neighbourhoods = await scope.Neighbourhoods().AsNoTracking()
            .Where(n => n.County!.ProvinceId == provinceId)
            .OrderBy(n => n.County!.NameFa).ThenBy(n => n.NameFa)
            .Select(n => new NeighbourhoodOption(n.Id, new PlaceName(n.NameFa, n.NameEn), new PlaceName(n.County!.NameFa, n.County.NameEn), n.CentreId,
                n.IsActive && n.County.IsActive && n.County.Province!.IsActive))
            .ToListAsync(cancellationToken);
        var facilitators = await users.FacilitatorsAsync(provinceId, cancellationToken);

        var centres = await scope.Centres().AsNoTracking().Where(c => c.ProvinceId == provinceId).OrderBy(c => c.NameFa)
            .Select(c => new { c.Id, c.ProvinceId, c.NameFa, c.NameEn, c.Address, c.Kind }).ToListAsync(cancellationToken);
        var rows = centres.Select(c => new CentreRow(c.Id, c.ProvinceId, new PlaceName(c.NameFa, c.NameEn), c.Address, c.Kind,
            [.. neighbourhoods.Where(n => n.CentreId == c.Id)], [.. facilitators.Where(f => f.CentreId == c.Id)])).ToList();
        return new CentreList(provinceId, provinces, rows, neighbourhoods, facilitators);
    }
}
