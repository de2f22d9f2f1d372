using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.RemoveStoryPhoto;

/// <summary>Removes a photo from a draft or returned story.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RemoveStoryPhoto(int StoryId, int PhotoId, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class RemoveStoryPhotoHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<RemoveStoryPhoto, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(RemoveStoryPhoto command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken, withPhotos: true);
        story.EnsureSeen(command.Version);
        // A photo of another story is not this story's: the domain refuses it as not found.
        story.RemovePhoto(command.PhotoId, clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}
