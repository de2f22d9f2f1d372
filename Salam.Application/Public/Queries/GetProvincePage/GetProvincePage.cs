using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Domain.Geography;
using Salam.Domain.Reports;

namespace Salam.Application.Public.Queries.GetProvincePage;

/// <summary>A province's public page (/p/{code}) from the roll-up snapshots: its figures, its counties compared, links to its neighbourhoods' pages, its stories.</summary>
[AllowedRoles(Public = true)]
public sealed record GetProvincePage(string Code) : IQuery<ProvincePage>, IPublicScoped;

public sealed record ProvincePage(string Code, PlaceName Name, PublicFigures Figures, IReadOnlyList<PublicPlaceLine> Counties,
    IReadOnlyList<PublicNeighbourhoodLink> Neighbourhoods, IReadOnlyList<PublishedStory> Stories);

public sealed record PublicNeighbourhoodLink(string Code, PlaceName Name, PlaceName County);

/// <summary>A code longer than any place's is no place's: not found, without asking the database.</summary>
public sealed class GetProvincePageValidator : AbstractValidator<GetProvincePage>
{
    public GetProvincePageValidator() =>
        RuleFor(q => q.Code).NotEmpty().MaximumLength(Place.CodeMaxLength).WithMessage(_ => Text.Get("NotFound.Province"));
}

public sealed class GetProvincePageHandler(ISalamDbContext db, ISender sender) : IQueryHandler<GetProvincePage, ProvincePage>
{
    private const int MostStories = 3;

    public async ValueTask<ProvincePage> Handle(GetProvincePage query, CancellationToken cancellationToken)
    {
        var code = Place.NormaliseCode(query.Code);
        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == code && p.IsActive)
            .Select(p => new { p.Id, Name = new PlaceName(p.NameFa, p.NameEn) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Province"));

        var counties = await db.Counties.AsNoTracking().Where(c => c.ProvinceId == province.Id && c.IsActive).OrderBy(c => c.NameFa).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, Name = new PlaceName(c.NameFa, c.NameEn) }).ToListAsync(cancellationToken);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.IsActive && n.County!.IsActive && n.County.ProvinceId == province.Id)
            .OrderBy(n => n.County!.NameFa).ThenBy(n => n.CountyId).ThenBy(n => n.NameFa).ThenBy(n => n.Id)
            .Select(n => new PublicNeighbourhoodLink(n.Code, new PlaceName(n.NameFa, n.NameEn), new PlaceName(n.County!.NameFa, n.County.NameEn)))
            .ToListAsync(cancellationToken);

        return new ProvincePage(code, province.Name,
            await db.FiguresAsync(RollupLevel.Province, province.Id, cancellationToken),
            await db.LinesAsync(RollupLevel.County, [.. counties.Select(c => (c.Id, c.Code, c.Name))], cancellationToken),
            neighbourhoods,
            await sender.Send(new GetPublishedStories(ProvinceCode: code, Take: MostStories), cancellationToken));
    }
}
