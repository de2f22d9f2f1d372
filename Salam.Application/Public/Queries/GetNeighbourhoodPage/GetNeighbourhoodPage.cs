using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetPublicMinutes;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Public.Queries.GetNeighbourhoodPage;

/// <summary>
/// A neighbourhood's public page (/n/{code}), for anyone without signing in: its centre, its current round (no identities), its
/// last published results, the duties for its top priorities, public minutes, volunteers by skill and its stories. Small counts
/// are withheld (<see cref="PublicCount"/>). Not found for an unknown or inactive neighbourhood.
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetNeighbourhoodPage(string Code) : IQuery<NeighbourhoodPage>, IPublicScoped;

public sealed record NeighbourhoodPage(string Code, PlaceName Name, PlaceName County, PlaceName Province, string ProvinceCode, PublicCentre? Centre,
    PublicRound? CurrentRound, PublicResults? LatestResults, IReadOnlyList<PublicDuty> Duties, IReadOnlyList<PublicMinutes> Minutes,
    PublicCount Volunteers, IReadOnlyList<PublicSkillCount> VolunteersBySkill, IReadOnlyList<PublishedStory> Stories);

public sealed record PublicCentre(PlaceName Name, string Address);

/// <summary>The round open now (or the next to open): its window and how many took part so far.</summary>
public sealed record PublicRound(string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, PublicCount Participants);

public sealed record PublicResults(string RoundTitle, DateTimeOffset PublishedAt, PublicCount Participants, IReadOnlyList<PublicResultLine> Lines);

public sealed record PublicResultLine(int Position, int NeedId, string NeedTitle, NeedCategory Category);

/// <summary>
/// A duty for one of the top priorities as the public sees it. Confirmations are residents' answers to its latest completion;
/// Disputed shows in <see cref="Status"/>.
/// </summary>
public sealed record PublicDuty(int DutyId, string Title, string? NeedTitle, PlaceName Agency, AgencyKind AgencyKind, DutyStatus Status, int Percent,
    DateOnly DueDate, int DaysOverdue, DateTimeOffset? LastUpdateAt, string? LastUpdateNote, PublicConfirmations? Confirmations);

public sealed record PublicConfirmations(PublicCount Yes, PublicCount Partly, PublicCount No);

public sealed record PublicSkillCount(VolunteerSkill Skill, PublicCount Count);

public sealed class GetNeighbourhoodPageHandler : IQueryHandler<GetNeighbourhoodPage, NeighbourhoodPage>
{
    public ValueTask<NeighbourhoodPage> Handle(GetNeighbourhoodPage query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: public pages helper");
}
