using Salam.Application.Common.Search;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Application.Geography.Queries.GetPlaces;

/// <summary>
/// One page of the places of a level under a parent (the provinces; a province's counties; a county's neighbourhoods), by code,
/// optionally those whose code or name contains <see cref="Search"/>. The tree opens one branch and one page at a time, so a
/// country's 40,000 neighbourhoods never reach the browser at once.
/// </summary>
[AllowedRoles(Role.Admin)]
public sealed record GetPlaces(PlaceLevel Level, int? ParentId, string? Search = null, int Page = 0, int PageSize = GetPlaces.DefaultPageSize)
    : IQuery<PlacePage>, INationalScoped
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

public sealed record PlacePage(IReadOnlyList<PlaceItem> Items, int Total, int Page, int PageSize);

/// <summary>A place in the tree: <see cref="Children"/> counts the places under it (none for a neighbourhood).</summary>
public sealed record PlaceItem(int Id, string Code, PlaceName Name, bool IsActive, int Children);

public sealed class GetPlacesValidator : AbstractValidator<GetPlaces>
{
    public GetPlacesValidator()
    {
        RuleFor(q => q.Level).IsInEnum().WithMessage(_ => Text.Get("Geography.UnknownLevel"));
        RuleFor(q => q.Page).GreaterThanOrEqualTo(0).WithMessage(_ => Text.Get("Geography.PageInvalid"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, GetPlaces.MaxPageSize).WithMessage(_ => Text.Get("Geography.PageInvalid"));
    }
}

public sealed class GetPlacesHandler(ISalamDbContext db) : IQueryHandler<GetPlaces, PlacePage>
{
    public async ValueTask<PlacePage> Handle(GetPlaces query, CancellationToken cancellationToken)
    {
        var places = query.Level switch
        {
            PlaceLevel.Province => db.Provinces.AsNoTracking()
                .WhereAnyContains(query.Search, p => p.Code, p => p.NameFa, p => p.NameEn).OrderBy(p => p.Code)
                .Select(p => new PlaceItem(p.Id, p.Code, new PlaceName(p.NameFa, p.NameEn), p.IsActive, p.Counties.Count)),
            PlaceLevel.County => db.Counties.AsNoTracking().Where(c => c.ProvinceId == query.ParentId)
                .WhereAnyContains(query.Search, c => c.Code, c => c.NameFa, c => c.NameEn).OrderBy(c => c.Code)
                .Select(c => new PlaceItem(c.Id, c.Code, new PlaceName(c.NameFa, c.NameEn), c.IsActive, c.Neighbourhoods.Count)),
            _ => db.Neighbourhoods.AsNoTracking().Where(n => n.CountyId == query.ParentId)
                .WhereAnyContains(query.Search, n => n.Code, n => n.NameFa, n => n.NameEn).OrderBy(n => n.Code)
                .Select(n => new PlaceItem(n.Id, n.Code, new PlaceName(n.NameFa, n.NameEn), n.IsActive, 0)),
        };
        var total = await places.CountAsync(cancellationToken);
        var items = await places.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PlacePage(items, total, query.Page, query.PageSize);
    }
}
