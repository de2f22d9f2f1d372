using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Stories.Common;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Commands.WriteStory;

/// <summary>
/// A facilitator writes a new story about a neighbourhood of their centre (no <see cref="StoryId"/>), or rewrites their draft or
/// returned story (with its <see cref="Version"/>). The duty, if named, must be the neighbourhood's; the decision, a published one
/// about it.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record WriteStory(int? StoryId, int NeighbourhoodId, StorySubject Subject, string Title, string Text, int? DutyId, int? MeetingDecisionId,
    Guid? Version) : ICommand<StoryWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ScopeTarget.Neighbourhood(NeighbourhoodId), .. ScopeTarget.IfAny(StoryId, ScopeTarget.Story), .. ScopeTarget.IfAny(DutyId, ScopeTarget.Duty)];
}

public sealed record StoryWritten(int StoryId, Guid Version);

public sealed class WriteStoryHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WriteStory, StoryWritten>
{
    public async ValueTask<StoryWritten> Handle(WriteStory command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var story = command.StoryId is { } id ? await db.FindStoryAsync(id, cancellationToken) : null;
        // A story stays with the neighbourhood it was written about (and its province, which scope and approval read).
        if (story is not null && story.NeighbourhoodId != command.NeighbourhoodId) throw new RequestRefusedException(Text.Get("Story.NeighbourhoodFixed"));
        story?.EnsureSeen(command.Version!.Value);
        if (story is { IsEditable: false }) throw new RequestRefusedException(Text.Get("Story.NotEditable"));
        await EnsureDutyFitsAsync(command, story, cancellationToken);
        await EnsureDecisionFitsAsync(command, cancellationToken);

        if (story is null)
        {
            var provinceId = await db.Neighbourhoods.Where(n => n.Id == command.NeighbourhoodId).Select(n => n.County!.ProvinceId).SingleAsync(cancellationToken);
            story = new SuccessStory(command.NeighbourhoodId, provinceId, command.Subject, command.Title, command.Text, command.DutyId, command.MeetingDecisionId,
                user.UserId ?? 0, now);
            db.SuccessStories.Add(story);
        }
        else story.Edit(command.Subject, command.Title, command.Text, command.DutyId, command.MeetingDecisionId, now);

        var version = await db.SaveStoryAsync(story, cancellationToken);
        return new StoryWritten(story.Id, version);
    }

    /// <summary>
    /// A duty named must be the neighbourhood's (the pipeline checked only that it is in reach) and delivered: Done. A rewrite
    /// that keeps its duty is allowed whatever the duty's state now; approval is what a Disputed duty stops.
    /// </summary>
    private async Task EnsureDutyFitsAsync(WriteStory command, SuccessStory? story, CancellationToken cancellationToken)
    {
        if (command.DutyId is not { } dutyId) return;
        var duty = await db.Duties.AsNoTracking().Where(d => d.Id == dutyId).Select(d => new { d.NeighbourhoodId, d.Status }).SingleAsync(cancellationToken);
        if (duty.NeighbourhoodId != command.NeighbourhoodId) throw new RequestRefusedException(Text.Get("Story.DutyOutsideNeighbourhood"));
        if (duty.Status != DutyStatus.Done && story?.DutyId != dutyId) throw new RequestRefusedException(Text.Get("Story.DutyNotDone"));
    }

    /// <summary>A decision named must be published, and about this neighbourhood (its own, or its meeting's when it names none).</summary>
    private async Task EnsureDecisionFitsAsync(WriteStory command, CancellationToken cancellationToken)
    {
        if (command.MeetingDecisionId is not { } decisionId) return;
        var decision = await db.MeetingDecisions.AsNoTracking().Where(d => d.Id == decisionId)
            .Select(d => new { Place = d.NeighbourhoodId ?? d.Meeting!.NeighbourhoodId, d.Meeting!.Status })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("Story.DecisionNotFound"));
        // Unpublished minutes are their organisers' business: the decision is not found rather than confirmed.
        if (decision.Status != MeetingStatus.MinutesPublished) throw new NotFoundException(Text.Get("Story.DecisionNotFound"));
        if (decision.Place != command.NeighbourhoodId) throw new RequestRefusedException(Text.Get("Story.DecisionOutsideNeighbourhood"));
    }
}
