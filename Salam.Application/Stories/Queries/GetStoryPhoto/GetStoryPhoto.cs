using Mediator;
using Salam.Application.Common.Security;

namespace Salam.Application.Stories.Queries.GetStoryPhoto;

/// <summary>
/// A photo's JPEG: to anyone when its story is approved (public pages, the feed); otherwise only to staff who reach the story
/// (not found to everyone else, so unpublished photos are not even confirmed to exist).
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetStoryPhoto(int PhotoId) : IQuery<StoryPhotoFile>, IPublicScoped;

public sealed record StoryPhotoFile(byte[] Jpeg, DateTimeOffset AddedAt, bool Published);

public sealed class GetStoryPhotoHandler : IQueryHandler<GetStoryPhoto, StoryPhotoFile>
{
    public ValueTask<StoryPhotoFile> Handle(GetStoryPhoto query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
