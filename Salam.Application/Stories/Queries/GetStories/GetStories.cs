using Mediator;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Queries.GetStories;

/// <summary>
/// One page of the stories the caller works with, latest change first: a facilitator's centre's, a provincial officer's province's
/// (submitted first, for approval), ministry staff's approved ones nationally (to feature).
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetStories(StoryStatus? Status = null, int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<StoryLine>>, ICallerScoped;

public sealed record StoryLine(int StoryId, string Title, StorySubject Subject, PlaceName Neighbourhood, StoryStatus Status, bool Featured,
    DateTimeOffset UpdatedAt, int Photos);

public sealed class GetStoriesHandler : IQueryHandler<GetStories, Paged<StoryLine>>
{
    public ValueTask<Paged<StoryLine>> Handle(GetStories query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
