using Mediator;
using Salam.Domain.Geography;
using Salam.Application.Stories.Common;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using FluentValidation;
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

public sealed class GetPublishedStoriesValidator : AbstractValidator<GetPublishedStories>
{
    public const int MaxTake = 100;

    public GetPublishedStoriesValidator()
    {
        RuleFor(q => q.Take).InclusiveBetween(1, MaxTake).WithMessage(_ => Text.Get("Paging.PageSize", MaxTake));
        RuleFor(q => q.NeighbourhoodCode).MaximumLength(Place.CodeMaxLength).WithMessage(_ => Text.Get("NotFound.Neighbourhood"));
        RuleFor(q => q.ProvinceCode).MaximumLength(Place.CodeMaxLength).WithMessage(_ => Text.Get("NotFound.Province"));
    }
}

/// <summary>Reads only <see cref="StoryReach.Published"/> stories, whoever asks; an unknown code yields none.</summary>
public sealed class GetPublishedStoriesHandler(ISalamDbContext db) : IQueryHandler<GetPublishedStories, IReadOnlyList<PublishedStory>>
{
    public async ValueTask<IReadOnlyList<PublishedStory>> Handle(GetPublishedStories query, CancellationToken cancellationToken)
    {
        var stories = db.Published().AsNoTracking();
        if (query.NeighbourhoodCode is { } neighbourhood)
        {
            var code = Place.NormaliseCode(neighbourhood);
            stories = stories.Where(s => db.Neighbourhoods.Any(n => n.Id == s.NeighbourhoodId && n.Code == code));
        }
        if (query.ProvinceCode is { } province)
        {
            var code = Place.NormaliseCode(province);
            stories = stories.Where(s => db.Provinces.Any(p => p.Id == s.ProvinceId && p.Code == code));
        }
        if (query.FeaturedOnly) stories = stories.Where(s => s.Featured);

        var found = await stories.OrderByDescending(s => s.ApprovedAt).ThenByDescending(s => s.Id).Take(query.Take)
            .Select(s => new
            {
                s.Id, s.Title, s.Subject, s.Text, ApprovedAt = s.ApprovedAt!.Value, s.Featured,
                Place = db.Neighbourhoods.Where(n => n.Id == s.NeighbourhoodId).Select(n => new { n.NameFa, n.NameEn, n.Code }).Single(),
                Province = db.Provinces.Where(p => p.Id == s.ProvinceId).Select(p => new PlaceName(p.NameFa, p.NameEn)).Single(),
            })
            .ToListAsync(cancellationToken);
        var ids = found.Select(s => s.Id).ToList();
        var photos = (await db.StoryPhotos.AsNoTracking().Where(p => ids.Contains(p.StoryId)).OrderBy(p => p.Position)
            .Select(p => new { p.StoryId, Line = new StoryPhotoLine(p.Id, p.Width, p.Height, p.AltText) }).ToListAsync(cancellationToken))
            .ToLookup(p => p.StoryId, p => p.Line);
        return [.. found.Select(s => new PublishedStory(s.Id, s.Title, s.Subject, s.Text, new PlaceName(s.Place.NameFa, s.Place.NameEn), s.Place.Code,
            s.Province, s.ApprovedAt, s.Featured, [.. photos[s.Id]]))];
    }
}
