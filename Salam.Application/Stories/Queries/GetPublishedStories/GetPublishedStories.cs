using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Application.Stories.Queries.GetStory;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Queries.GetPublishedStories;

/// <summary>
/// Approved stories, latest approval first, for public pages and the Atom feed: of one neighbourhood or one province (by code),
/// or nationally; <see cref="FeaturedOnly"/> for the ministry's choice. Anyone may read them.
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetPublishedStories(string? NeighbourhoodCode = null, string? ProvinceCode = null, bool FeaturedOnly = false, int Take = 20)
    : IQuery<IReadOnlyList<PublishedStory>>, IPublicScoped;

public sealed record PublishedStory(int StoryId, string Title, StorySubject Subject, string Text, PlaceName Neighbourhood, string NeighbourhoodCode,
    PlaceName Province, DateTimeOffset ApprovedAt, bool Featured, IReadOnlyList<StoryPhotoLine> Photos);

public sealed class GetPublishedStoriesHandler : IQueryHandler<GetPublishedStories, IReadOnlyList<PublishedStory>>
{
    public ValueTask<IReadOnlyList<PublishedStory>> Handle(GetPublishedStories query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
