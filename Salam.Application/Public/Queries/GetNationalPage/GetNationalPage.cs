using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;

namespace Salam.Application.Public.Queries.GetNationalPage;

/// <summary>The national public page (/national) from the roll-up snapshots: the nation's figures, the provinces compared (overdue by province), featured stories.</summary>
[AllowedRoles(Public = true)]
public sealed record GetNationalPage : IQuery<NationalPage>, IPublicScoped;

public sealed record NationalPage(PublicFigures Figures, IReadOnlyList<PublicPlaceLine> Provinces, IReadOnlyList<PublishedStory> FeaturedStories);

public sealed class GetNationalPageHandler : IQueryHandler<GetNationalPage, NationalPage>
{
    public ValueTask<NationalPage> Handle(GetNationalPage query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: public pages helper");
}
