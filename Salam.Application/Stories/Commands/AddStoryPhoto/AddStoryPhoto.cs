using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Commands.AddStoryPhoto;

/// <summary>
/// Adds a photo to a draft or returned story: the upload (at most <see cref="StoryPhoto.MaxUploadBytes"/>, JPEG, PNG or WebP by its
/// content, whatever its name says) is decoded, resized to <see cref="StoryPhoto.MaxEdgePixels"/> and re-encoded as JPEG without
/// its metadata by <see cref="Common.Interfaces.IPhotoProcessor"/>. Anything else is refused and nothing is stored.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record AddStoryPhoto(int StoryId, byte[] Upload, string AltText, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class AddStoryPhotoHandler(ISalamDbContext db, IPhotoProcessor photos, TimeProvider clock) : ICommandHandler<AddStoryPhoto, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(AddStoryPhoto command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken, withPhotos: true);
        story.EnsureSeen(command.Version);
        // Refused before the upload is decoded: a fifth photo or a published story costs no work.
        story.EnsureRoomForPhoto();
        var prepared = photos.Prepare(command.Upload, StoryPhoto.MaxEdgePixels) ?? throw new RequestRefusedException(Text.Get("Story.PhotoNotImage"));
        story.AddPhoto(prepared.Jpeg, prepared.Width, prepared.Height, command.AltText, clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}
