using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Common;
using Salam.Domain.Duties;

namespace Salam.Application.Meetings.Queries.GetMeetingProgressReport;

/// <summary>
/// The progress report the secretary reads out (seed 003): for the meeting's scope, each agency's duties with status, percent,
/// overdue days and the last update, and the latest published round results of each neighbourhood in scope.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetMeetingProgressReport(int MeetingId) : IQuery<ProgressReport>, IMeetingScoped;

public sealed record ProgressReport(int MeetingId, string MeetingTitle, MeetingKind Kind, DateTimeOffset StartsAt, string Place, PlaceName ScopeName,
    DateTimeOffset PreparedAt, IReadOnlyList<AgencyProgress> Agencies, IReadOnlyList<NeighbourhoodResults> Rounds);

public sealed record AgencyProgress(int AgencyId, PlaceName Agency, AgencyKind Kind, int Open, int Done, int Overdue, IReadOnlyList<ReportDuty> Duties);

/// <summary>OverdueDays: 0 when not overdue. LastNote: the last timeline entry's note, if any.</summary>
public sealed record ReportDuty(int DutyId, string Title, PlaceName Neighbourhood, DutyStatus Status, int Percent, DateOnly DueDate, int OverdueDays,
    DateTimeOffset LastUpdate, string? LastNote);

public sealed record NeighbourhoodResults(PlaceName Neighbourhood, string RoundTitle, DateTimeOffset ClosedAt, int Ballots, IReadOnlyList<ReportResult> TopNeeds);

public sealed record ReportResult(int Position, string Title, int Score);

public sealed class GetMeetingProgressReportHandler : IQueryHandler<GetMeetingProgressReport, ProgressReport>
{
    public ValueTask<ProgressReport> Handle(GetMeetingProgressReport query, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the reads helper");
}
