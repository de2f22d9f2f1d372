using Mediator;
using Salam.Domain.Meetings;
using Salam.Domain.Duties;
using Salam.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Stories.Queries.GetStoryChoices;

/// <summary>What a facilitator may write about: their centre's neighbourhoods, each with its Done duties and its published meeting decisions.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetStoryChoices : IQuery<IReadOnlyList<StoryNeighbourhood>>, ICallerScoped;

public sealed record StoryNeighbourhood(int NeighbourhoodId, PlaceName Name, IReadOnlyList<StoryLink> Duties, IReadOnlyList<StoryLink> Decisions);

public sealed record StoryLink(int Id, string Title);

public sealed class GetStoryChoicesHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetStoryChoices, IReadOnlyList<StoryNeighbourhood>>
{
    /// <summary>The latest of each kind per neighbourhood: a picker, not an archive.</summary>
    public const int MostPerNeighbourhood = 50;

    public async ValueTask<IReadOnlyList<StoryNeighbourhood>> Handle(GetStoryChoices query, CancellationToken cancellationToken)
    {
        var places = await scope.Neighbourhoods().AsNoTracking().Where(n => n.IsActive).OrderBy(n => n.NameFa).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.NameFa, n.NameEn }).ToListAsync(cancellationToken);
        var ids = places.Select(p => p.Id).ToList();
        var duties = (await db.Duties.AsNoTracking().Where(d => ids.Contains(d.NeighbourhoodId) && d.Status == DutyStatus.Done)
            .OrderByDescending(d => d.CompletedAt).ThenByDescending(d => d.Id)
            .Select(d => new { d.NeighbourhoodId, Link = new StoryLink(d.Id, d.Title) }).ToListAsync(cancellationToken))
            .ToLookup(d => d.NeighbourhoodId, d => d.Link);
        var decisions = (await db.MeetingDecisions.AsNoTracking()
            .Where(d => d.Meeting!.Status == MeetingStatus.MinutesPublished)
            .Select(d => new { Place = d.NeighbourhoodId ?? d.Meeting!.NeighbourhoodId, d.Id, d.Title, d.Meeting!.MinutesPublishedAt })
            .Where(d => d.Place != null && ids.Contains(d.Place.Value))
            .OrderByDescending(d => d.MinutesPublishedAt).ThenByDescending(d => d.Id)
            .ToListAsync(cancellationToken))
            .ToLookup(d => d.Place!.Value, d => new StoryLink(d.Id, d.Title));
        return [.. places.Select(p => new StoryNeighbourhood(p.Id, new PlaceName(p.NameFa, p.NameEn),
            [.. duties[p.Id].Take(MostPerNeighbourhood)], [.. decisions[p.Id].Take(MostPerNeighbourhood)]))];
    }
}
