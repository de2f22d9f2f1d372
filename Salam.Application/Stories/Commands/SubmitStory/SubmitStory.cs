using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.SubmitStory;

/// <summary>The facilitator sends a draft or returned story to the provincial officer for approval.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record SubmitStory(int StoryId, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class SubmitStoryHandler : ICommandHandler<SubmitStory, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(SubmitStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
