using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.ReviewStory;

/// <summary>
/// The provincial officer approves a submitted story of their province (it is published) or returns it with a reason. A story
/// about a Disputed duty cannot be approved.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record ApproveStory(int StoryId, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

/// <inheritdoc cref="ApproveStory"/>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record ReturnStory(int StoryId, string Reason, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class ApproveStoryHandler : ICommandHandler<ApproveStory, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(ApproveStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}

public sealed class ReturnStoryHandler : ICommandHandler<ReturnStory, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(ReturnStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
