using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.RemoveStoryPhoto;

/// <summary>Removes a photo from a draft or returned story.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RemoveStoryPhoto(int StoryId, int PhotoId, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class RemoveStoryPhotoHandler : ICommandHandler<RemoveStoryPhoto, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(RemoveStoryPhoto command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
