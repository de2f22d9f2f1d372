using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Stories;

using Salam.Application.Stories.Commands.WriteStory;

namespace Salam.Application.Stories.Commands.AddStoryPhoto;

/// <summary>
/// Adds a photo to a draft or returned story: the upload (at most <see cref="StoryPhoto.MaxUploadBytes"/>, JPEG, PNG or WebP by its
/// content, whatever its name says) is decoded, resized to <see cref="StoryPhoto.MaxEdgePixels"/> and re-encoded as JPEG without
/// its metadata by <see cref="Common.Interfaces.IPhotoProcessor"/>. Anything else is refused and nothing is stored.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record AddStoryPhoto(int StoryId, byte[] Upload, string AltText, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class AddStoryPhotoHandler : ICommandHandler<AddStoryPhoto, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(AddStoryPhoto command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
