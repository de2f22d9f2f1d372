using Mediator;
using Salam.Application.Stories.Common;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using FluentValidation;
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

public sealed class GetStoriesValidator : AbstractValidator<GetStories>
{
    public GetStoriesValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithMessage(_ => Text.Get("Story.StatusInvalid"));
        this.PageRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class GetStoriesHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetStories, Paged<StoryLine>>
{
    public async ValueTask<Paged<StoryLine>> Handle(GetStories query, CancellationToken cancellationToken)
    {
        var stories = db.StoriesFor(user, scope).AsNoTracking();
        if (query.Status is { } status) stories = stories.Where(s => s.Status == status);
        var total = await stories.CountAsync(cancellationToken);
        // The officer's work comes first: what waits for their approval.
        var ordered = user.Role == Role.ProvinceOfficer
            ? stories.OrderBy(s => s.Status != StoryStatus.Submitted).ThenByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id)
            : stories.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id);
        var lines = await ordered.Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(s => new StoryLine(s.Id, s.Title, s.Subject, db.Neighbourhoods.Where(n => n.Id == s.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).Single(),
                s.Status, s.Featured, s.UpdatedAt, s.Photos.Count))
            .ToListAsync(cancellationToken);
        return new Paged<StoryLine>(lines, total);
    }
}
