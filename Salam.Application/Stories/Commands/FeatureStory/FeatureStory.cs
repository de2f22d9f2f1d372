using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.FeatureStory;

/// <summary>Ministry staff feature an approved story nationally, or stop featuring it.</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record FeatureStory(int StoryId, bool Featured, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class FeatureStoryHandler : ICommandHandler<FeatureStory, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(FeatureStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
