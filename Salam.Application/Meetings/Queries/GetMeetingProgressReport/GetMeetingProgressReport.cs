using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Common;
using Salam.Domain.Duties;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;

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

/// <summary>
/// Agencies with the most overdue duties come first (then the most days overdue, then by name); within an agency, the most overdue
/// duty first, then open before finished, then by due date. Lists are cut to the neighbourhoods the caller reaches, as lists are.
/// </summary>
public sealed class GetMeetingProgressReportHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock) : IQueryHandler<GetMeetingProgressReport, ProgressReport>
{
    private const int TopResults = 5;

    public async ValueTask<ProgressReport> Handle(GetMeetingProgressReport query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == query.MeetingId)
            .Select(m => new { m.Id, m.Title, m.Kind, m.StartsAt, m.Place, m.ProvinceId, m.CountyId, m.NeighbourhoodId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Meeting"));
        var reached = scope.Neighbourhoods().Select(n => n.Id);
        var ids = db.NeighbourhoodsOf(meeting.ProvinceId, meeting.CountyId, meeting.NeighbourhoodId).Where(n => reached.Contains(n.Id)).Select(n => n.Id);

        var today = clock.Today();
        var duties = await db.Duties.AsNoTracking().Where(d => ids.Contains(d.NeighbourhoodId))
            .Select(d => new
            {
                d.AgencyId, Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn), d.Agency.Kind,
                Duty = new ReportDuty(d.Id, d.Title, db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).Single(),
                    d.Status, d.PercentComplete, d.DueDate, 0,
                    d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.At).First(),
                    d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Note).First()),
            })
            .ToListAsync(cancellationToken);
        var agencies = duties
            .Select(d => d with { Duty = d.Duty with { OverdueDays = Duty.IsOverdue(d.Duty.Status, d.Duty.DueDate, today) ? today.DayNumber - d.Duty.DueDate.DayNumber : 0 } })
            .GroupBy(d => d.AgencyId)
            .Select(g => new AgencyProgress(g.Key, g.First().Agency, g.First().Kind,
                Open: g.Count(d => !Duty.IsFinished(d.Duty.Status)), Done: g.Count(d => d.Duty.Status == DutyStatus.Done), Overdue: g.Count(d => d.Duty.OverdueDays > 0),
                [.. g.Select(d => d.Duty).OrderByDescending(d => d.OverdueDays).ThenBy(d => Duty.IsFinished(d.Status)).ThenBy(d => d.DueDate).ThenBy(d => d.DutyId)]))
            .OrderByDescending(a => a.Overdue).ThenByDescending(a => a.Duties.Sum(d => d.OverdueDays)).ThenBy(a => a.Agency.Fa, StringComparer.Ordinal)
            .ToList();
        var rounds = await db.LatestPublishedRoundsAsync(ids, TopResults, cancellationToken);

        return new ProgressReport(meeting.Id, meeting.Title, meeting.Kind, meeting.StartsAt, meeting.Place,
            await db.ScopeNameAsync(meeting.ProvinceId, meeting.CountyId, meeting.NeighbourhoodId, cancellationToken), clock.GetUtcNow(), agencies,
            [.. rounds.Select(r => new NeighbourhoodResults(r.Neighbourhood, r.Title, r.ClosedAt, r.Ballots, [.. r.Top.Select(t => new ReportResult(t.Position, t.Title, t.Score))]))]);
    }
}
