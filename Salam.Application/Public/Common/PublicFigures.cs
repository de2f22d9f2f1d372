using Salam.Application.Home.Queries;
using Salam.Domain.Duties;

namespace Salam.Application.Public.Common;

/// <summary>
/// A place's (or the nation's) latest roll-up snapshot as the public sees it. Null <see cref="ComputedAt"/>: no roll-up has run
/// yet, and every figure is zero.
/// </summary>
public sealed record PublicFigures(DateTimeOffset? ComputedAt, int RegisteredResidents, int Voters, double ParticipationRate,
    int DutiesTotal, int DutiesDone, int DutiesDoneOnTime, int DutiesOverdue, double OnTimeRate, PublicCount Volunteers, int MeetingsHeld,
    PublicCount CompletionsConfirmed, PublicCount CompletionsDisputed, int CompletionsUnanswered, IReadOnlyList<AgencyKindDelivery> ByAgencyKind);

/// <summary>Delivery on time by agency kind: duties done, and of them done by their due date.</summary>
public sealed record AgencyKindDelivery(AgencyKind Kind, long Done, long DoneOnTime, double OnTimeRate);

/// <summary>One line of a public table of places (a province's counties, the nation's provinces): the figures people compare.</summary>
public sealed record PublicPlaceLine(string Code, PlaceName Name, double ParticipationRate, int DutiesDone, double OnTimeRate, int DutiesOverdue);
