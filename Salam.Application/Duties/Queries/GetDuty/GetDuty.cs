using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Duties.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Application.Common.Time;

namespace Salam.Application.Duties.Queries.GetDuty;

/// <summary>One duty: its need, its neighbourhood's latest ranking, and its whole timeline of updates.</summary>
[AllowedRoles(Role.AgencyManager, Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetDuty(int DutyId) : IQuery<DutyDetail>, IDutyScoped;

public sealed record DutyDetail(int Id, string Title, string Description, PlaceName Agency, PlaceName Neighbourhood, DutyStatus Status, int Percent,
    DateOnly DueDate, bool IsOverdue, string? Reason, Guid Version, DutyNeed? Need, IReadOnlyList<RankedNeed> Ranking, IReadOnlyList<TimelineEntry> Timeline,
    DutyOrigin? Origin = null);

public sealed record DutyNeed(int Id, string Title, NeedCategory Category);

public sealed record RankedNeed(int Position, int NeedId, string Title, int Score);

public sealed record TimelineEntry(DateTimeOffset At, string By, DutyStatus? From, DutyStatus To, int Percent, string? Note);

public sealed class GetDutyHandler(ISalamDbContext db, TimeProvider clock, IUserDirectory users) : IQueryHandler<GetDuty, DutyDetail>
{
    public async ValueTask<DutyDetail> Handle(GetDuty query, CancellationToken cancellationToken)
    {
        var duty = await db.Duties.AsNoTracking().Include(d => d.Updates).Include(d => d.Agency)
            .SingleOrDefaultAsync(d => d.Id == query.DutyId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Duty"));

        var place = await db.Neighbourhoods.Where(n => n.Id == duty.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).SingleAsync(cancellationToken);
        var need = duty.NeedId is null ? null : await db.Needs.Where(n => n.Id == duty.NeedId).Select(n => new DutyNeed(n.Id, n.Title, n.Category)).SingleAsync(cancellationToken);
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Results)
            .Where(r => r.NeighbourhoodId == duty.NeighbourhoodId && r.Results.Any()).OrderByDescending(r => r.ClosesAt).FirstOrDefaultAsync(cancellationToken);
        var ranking = new List<RankedNeed>();
        if (round is not null)
        {
            var ids = round.Results.Select(r => r.NeedId).ToList();
            var titles = await db.Needs.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
            ranking = round.Results.OrderBy(r => r.Position).Select(r => new RankedNeed(r.Position, r.NeedId, titles[r.NeedId], r.Score)).ToList();
        }
        // Decided at a meeting: the decision that became this duty (one at most, a unique link).
        var origin = await db.MeetingDecisions.Where(d => d.DutyId == duty.Id)
            .Select(d => new DutyOrigin(d.MeetingId, d.Meeting!.Title, d.Meeting.Kind, d.Meeting.StartsAt, d.Number)).SingleOrDefaultAsync(cancellationToken);
        var names = await users.NamesAsync(duty.Updates.Select(u => u.ByUserId).Distinct().ToList(), cancellationToken);
        var today = clock.Today();
        return new DutyDetail(duty.Id, duty.Title, duty.Description, new PlaceName(duty.Agency!.NameFa, duty.Agency.NameEn), place, duty.Status,
            duty.PercentComplete, duty.DueDate, duty.IsOverdueOn(today), duty.Reason, duty.Version, need, ranking,
            duty.Updates.OrderBy(u => u.At).ThenBy(u => u.Id)
                .Select(u => new TimelineEntry(u.At, ByOf(u, names), u.From, u.To, u.Percent, u.Note)).ToList(),
            origin);
    }

    /// <summary>A dispute is the residents', together: no one resident's name is shown.</summary>
    private static string ByOf(DutyUpdate update, IReadOnlyDictionary<int, string> names) =>
        update.To == DutyStatus.Disputed ? Text.Get("Completion.ByResidents") : names.GetValueOrDefault(update.ByUserId, "—");
}
