using Mediator;
using Salam.Application.Stories.Common;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Security;

namespace Salam.Application.Stories.Queries.GetStoryPhoto;

/// <summary>
/// A photo's JPEG: to anyone when its story is approved (public pages, the feed); otherwise only to staff who reach the story
/// (not found to everyone else, so unpublished photos are not even confirmed to exist).
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetStoryPhoto(int PhotoId) : IQuery<StoryPhotoFile>, IPublicScoped;

public sealed record StoryPhotoFile(byte[] Jpeg, DateTimeOffset AddedAt, bool Published);

public sealed class GetStoryPhotoHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetStoryPhoto, StoryPhotoFile>
{
    public async ValueTask<StoryPhotoFile> Handle(GetStoryPhoto query, CancellationToken cancellationToken)
    {
        var published = await db.Published().SelectMany(s => s.Photos).Where(p => p.Id == query.PhotoId)
            .Select(p => new StoryPhotoFile(p.Jpeg, p.AddedAt, true)).SingleOrDefaultAsync(cancellationToken);
        if (published is not null) return published;
        // Not public: only to the staff who may read its story (the same rule as the story itself); to anyone else it does not exist.
        return await db.StoriesFor(user, scope).SelectMany(s => s.Photos).Where(p => p.Id == query.PhotoId)
            .Select(p => new StoryPhotoFile(p.Jpeg, p.AddedAt, false)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("Story.PhotoNotFound"));
    }
}
