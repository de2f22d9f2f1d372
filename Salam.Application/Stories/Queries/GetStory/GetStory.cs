using Mediator;
using Salam.Application.Stories.Common;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Queries.GetStory;

/// <summary>A story as its writer and reviewers see it, with what it is linked to and its photos (without their bytes).</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetStory(int StoryId) : IQuery<StoryDetail>, IStoryScoped;

public sealed record StoryDetail(int StoryId, int NeighbourhoodId, PlaceName Neighbourhood, string NeighbourhoodCode, StorySubject Subject, string Title,
    string Text, int? DutyId, string? DutyTitle, DutyStatus? DutyStatus, int? MeetingDecisionId, string? DecisionTitle, StoryStatus Status,
    string? ReturnReason, bool Featured, bool IsEditable, Guid Version, DateTimeOffset UpdatedAt, IReadOnlyList<StoryPhotoLine> Photos);

public sealed record StoryPhotoLine(int PhotoId, int Width, int Height, string AltText);

public sealed class GetStoryHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetStory, StoryDetail>
{
    public async ValueTask<StoryDetail> Handle(GetStory query, CancellationToken cancellationToken)
    {
        // In reach (the pipeline checked) but not the caller's to read, like a draft for the officer: not found.
        var story = await db.StoriesFor(user, scope).AsNoTracking().Where(s => s.Id == query.StoryId)
            .Select(s => new
            {
                s.Id, s.NeighbourhoodId, s.Subject, s.Title, s.Text, s.DutyId, s.MeetingDecisionId, s.Status, s.ReturnReason, s.Featured, s.Version, s.UpdatedAt,
                Place = db.Neighbourhoods.Where(n => n.Id == s.NeighbourhoodId).Select(n => new { n.NameFa, n.NameEn, n.Code }).Single(),
                Duty = db.Duties.Where(d => d.Id == s.DutyId).Select(d => new { d.Title, d.Status }).SingleOrDefault(),
                Decision = db.MeetingDecisions.Where(d => d.Id == s.MeetingDecisionId).Select(d => d.Title).SingleOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Story"));
        var photos = await db.StoryPhotos.AsNoTracking().Where(p => p.StoryId == story.Id).OrderBy(p => p.Position)
            .Select(p => new StoryPhotoLine(p.Id, p.Width, p.Height, p.AltText)).ToListAsync(cancellationToken);
        return new StoryDetail(story.Id, story.NeighbourhoodId, new PlaceName(story.Place.NameFa, story.Place.NameEn), story.Place.Code, story.Subject,
            story.Title, story.Text, story.DutyId, story.Duty?.Title, story.Duty?.Status, story.MeetingDecisionId, story.Decision, story.Status,
            story.ReturnReason, story.Featured, story.Status is StoryStatus.Draft or StoryStatus.Returned, story.Version, story.UpdatedAt, photos);
    }
}
