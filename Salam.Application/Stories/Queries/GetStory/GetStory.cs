using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Queries.GetStory;

/// <summary>A story as its writer and reviewers see it, with what it is linked to and its photos (without their bytes).</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetStory(int StoryId) : IQuery<StoryDetail>, IStoryScoped;

public sealed record StoryDetail(int StoryId, int NeighbourhoodId, PlaceName Neighbourhood, string NeighbourhoodCode, StorySubject Subject, string Title,
    string Text, int? DutyId, string? DutyTitle, DutyStatus? DutyStatus, int? MeetingDecisionId, string? DecisionTitle, StoryStatus Status,
    string? ReturnReason, bool Featured, bool IsEditable, Guid Version, DateTimeOffset UpdatedAt, IReadOnlyList<StoryPhotoLine> Photos);

public sealed record StoryPhotoLine(int PhotoId, int Width, int Height, string AltText);

public sealed class GetStoryHandler : IQueryHandler<GetStory, StoryDetail>
{
    public ValueTask<StoryDetail> Handle(GetStory query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: stories helper");
}
