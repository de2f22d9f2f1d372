using Mediator;
using Salam.Application.Common.Security;
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

public sealed class WriteStoryHandler : ICommandHandler<WriteStory, StoryWritten>
{
    public ValueTask<StoryWritten> Handle(WriteStory command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
