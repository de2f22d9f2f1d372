using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
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

public sealed class ApproveStoryHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveStory, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(ApproveStory command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken);
        // The officer approves the text they read: a rewrite in between (returned and resubmitted) must be read again.
        story.EnsureSeen(command.Version);
        story.Approve(await db.DutyDisputedAsync(story, cancellationToken), user.UserId ?? 0, clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}

public sealed class ReturnStoryHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnStory, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(ReturnStory command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken);
        story.EnsureSeen(command.Version);
        story.Return(command.Reason, user.UserId ?? 0, clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}
