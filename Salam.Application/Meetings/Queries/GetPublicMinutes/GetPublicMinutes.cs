using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeeting;

namespace Salam.Application.Meetings.Queries.GetPublicMinutes;

/// <summary>
/// A resident's view: published minutes marked public of the meetings whose scope holds their neighbourhood (its own, its county's,
/// its province's), latest first, with their decisions and each resulting duty's progress. No names of staff.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record GetPublicMinutes : IQuery<IReadOnlyList<PublicMinutes>>, ICallerScoped;

public sealed record PublicMinutes(int MeetingId, MeetingKind Kind, string Title, DateTimeOffset StartsAt, PlaceName ScopeName, int? Attendees,
    IReadOnlyList<PlaceName> Organisations, string Minutes, IReadOnlyList<DecisionRow> Decisions);

public sealed class GetPublicMinutesHandler : IQueryHandler<GetPublicMinutes, IReadOnlyList<PublicMinutes>>
{
    public ValueTask<IReadOnlyList<PublicMinutes>> Handle(GetPublicMinutes query, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the reads helper");
}
