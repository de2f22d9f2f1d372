using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Stories.Queries.GetStoryChoices;

/// <summary>What a facilitator may write about: their centre's neighbourhoods, each with its Done duties and its published meeting decisions.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetStoryChoices : IQuery<IReadOnlyList<StoryNeighbourhood>>, ICallerScoped;

public sealed record StoryNeighbourhood(int NeighbourhoodId, PlaceName Name, IReadOnlyList<StoryLink> Duties, IReadOnlyList<StoryLink> Decisions);

public sealed record StoryLink(int Id, string Title);

public sealed class GetStoryChoicesHandler : IQueryHandler<GetStoryChoices, IReadOnlyList<StoryNeighbourhood>>
{
    public ValueTask<IReadOnlyList<StoryNeighbourhood>> Handle(GetStoryChoices query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
