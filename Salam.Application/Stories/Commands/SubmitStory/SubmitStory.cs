using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.SubmitStory;

/// <summary>The facilitator sends a draft or returned story to the provincial officer for approval.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record SubmitStory(int StoryId, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class SubmitStoryHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<SubmitStory, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(SubmitStory command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken);
        // The officer reviews what the facilitator last saw, not a colleague's later rewrite.
        story.EnsureSeen(command.Version);
        story.Submit(clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}
