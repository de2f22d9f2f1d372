using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;

namespace Salam.Application.Public.Queries.GetProvincePage;

/// <summary>A province's public page (/p/{code}) from the roll-up snapshots: its figures, its counties compared, links to its neighbourhoods' pages, its stories.</summary>
[AllowedRoles(Public = true)]
public sealed record GetProvincePage(string Code) : IQuery<ProvincePage>, IPublicScoped;

public sealed record ProvincePage(string Code, PlaceName Name, PublicFigures Figures, IReadOnlyList<PublicPlaceLine> Counties,
    IReadOnlyList<PublicNeighbourhoodLink> Neighbourhoods, IReadOnlyList<PublishedStory> Stories);

public sealed record PublicNeighbourhoodLink(string Code, PlaceName Name, PlaceName County);

public sealed class GetProvincePageHandler : IQueryHandler<GetProvincePage, ProvincePage>
{
    public ValueTask<ProvincePage> Handle(GetProvincePage query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: public pages helper");
}
