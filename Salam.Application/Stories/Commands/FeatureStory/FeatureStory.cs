using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.People;

namespace Salam.Application.Stories.Commands.FeatureStory;

/// <summary>Ministry staff feature an approved story nationally, or stop featuring it.</summary>
[AllowedRoles(Role.MinistryStaff)]
public sealed record FeatureStory(int StoryId, bool Featured, Guid Version) : ICommand<StoryWritten>, IStoryScoped;

public sealed class FeatureStoryHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<FeatureStory, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(FeatureStory command, CancellationToken cancellationToken)
    {
        var story = await db.FindStoryAsync(command.StoryId, cancellationToken);
        story.EnsureSeen(command.Version);
        // A story whose duty residents dispute is off the public pages; it is not put forward nationally meanwhile.
        if (command.Featured && await db.DutyDisputedAsync(story, cancellationToken)) throw new RequestRefusedException(Text.Get("Story.DutyDisputed"));
        story.Feature(command.Featured, clock.GetUtcNow());
        return new StoryWritten(story.Id, await db.SaveStoryAsync(story, cancellationToken));
    }
}
