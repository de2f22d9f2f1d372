using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Application.Common.Security;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Domain.Reports;

namespace Salam.Application.Public.Queries.GetNationalPage;

/// <summary>The national public page (/national) from the roll-up snapshots: the nation's figures, the provinces compared (overdue by province), featured stories.</summary>
[AllowedRoles(Public = true)]
public sealed record GetNationalPage : IQuery<NationalPage>, IPublicScoped;

public sealed record NationalPage(PublicFigures Figures, IReadOnlyList<PublicPlaceLine> Provinces, IReadOnlyList<PublishedStory> FeaturedStories);

public sealed class GetNationalPageHandler(ISalamDbContext db, ISender sender) : IQueryHandler<GetNationalPage, NationalPage>
{
    private const int MostStories = 3;

    public async ValueTask<NationalPage> Handle(GetNationalPage query, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.NameFa).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Code, Name = new PlaceName(p.NameFa, p.NameEn) }).ToListAsync(cancellationToken);
        return new NationalPage(
            await db.FiguresAsync(RollupLevel.National, RollupSnapshot.NationalScope, cancellationToken),
            await db.LinesAsync(RollupLevel.Province, [.. provinces.Select(p => (p.Id, p.Code, p.Name))], cancellationToken),
            await sender.Send(new GetPublishedStories(FeaturedOnly: true, Take: MostStories), cancellationToken));
    }
}
