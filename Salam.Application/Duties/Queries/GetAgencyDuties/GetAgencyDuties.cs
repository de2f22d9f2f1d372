using Salam.Application.Common.Search;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Duties.Queries.GetAgencyDuties;

/// <summary>The agency manager's desk: only their agency's duties, disputed and overdue first, then by due date; filtered and searched.</summary>
[AllowedRoles(Role.AgencyManager)]
/// <param name="TopPriorities">Only duties for a need ranked at this position or higher in a closed round (3 = the top three).</param>
public sealed record GetAgencyDuties(DutyStatus? Status = null, int? NeighbourhoodId = null, string? Search = null, bool OverdueOnly = false, int? TopPriorities = null)
    : IQuery<AgencyDesk>, ICallerScoped;

public sealed record AgencyDesk(IReadOnlyList<DeskDuty> Duties, IReadOnlyList<DeskNeighbourhood> Neighbourhoods);

public sealed record DeskDuty(int Id, string Title, PlaceName Neighbourhood, int? Priority, DutyStatus Status, int Percent, DateOnly DueDate, bool IsOverdue, Guid Version, DutyOrigin? Origin = null);

public sealed record DeskNeighbourhood(int Id, PlaceName Name);

public sealed class GetAgencyDutiesHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAgencyDuties, AgencyDesk>
{
    private const int PageSize = 200;

    public async ValueTask<AgencyDesk> Handle(GetAgencyDuties query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var mine = db.Duties.AsNoTracking().Where(d => d.AgencyId == user.AgencyId);
        var duties = mine;
        if (query.Status is { } status) duties = duties.Where(d => d.Status == status);
        if (query.NeighbourhoodId is { } place) duties = duties.Where(d => d.NeighbourhoodId == place);
        if (query.OverdueOnly) duties = duties.OverdueOn(today);
        if (query.TopPriorities is { } top)
            duties = duties.Where(d => d.NeedId != null && db.PriorityRounds.Any(r => r.Status != RoundStatus.Draft && r.Status != RoundStatus.Open
                && r.Results.Any(x => x.NeedId == d.NeedId && x.Position <= top)));
        duties = duties.WhereAnyContains(query.Search, d => d.Title, d => d.Description); // «كلاس ۳» finds «کلاس 3»

        var rows = await duties
            // Disputed first (residents said it was not done: it is back on the desk), then overdue, then by due date.
            .OrderByDescending(d => d.Status == DutyStatus.Disputed).ThenByDescending(DutyQueries.IsOverdueOn(today)).ThenBy(d => d.DueDate).ThenBy(d => d.Id)
            .Take(PageSize)
            .Select(d => new
            {
                d.Id, d.Title, d.Status, d.PercentComplete, d.DueDate, d.Version, d.NeedId,
                Place = db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).Single(),
            })
            .ToListAsync(cancellationToken);
        var origins = await OriginsAsync(rows.Select(r => r.Id).ToList(), cancellationToken);
        var priorities = await PriorityPositionsAsync(rows.Where(r => r.NeedId != null).Select(r => r.NeedId!.Value).ToList(), cancellationToken);

        var places = await mine.Select(d => d.NeighbourhoodId).Distinct()
            .Join(db.Neighbourhoods, id => id, n => n.Id, (_, n) => new DeskNeighbourhood(n.Id, new PlaceName(n.NameFa, n.NameEn)))
            .ToListAsync(cancellationToken);
        return new AgencyDesk(
            rows.Select(r => new DeskDuty(r.Id, r.Title, r.Place, r.NeedId is { } n ? priorities.GetValueOrDefault(n) : null, r.Status, r.PercentComplete, r.DueDate, Duty.IsOverdue(r.Status, r.DueDate, today), r.Version,
                origins.GetValueOrDefault(r.Id))).ToList(),
            places.OrderBy(p => p.Name.Fa, StringComparer.Ordinal).ToList());
    }

    /// <summary>Where each of the desk's duties was decided, if at a meeting: one query for the whole desk.</summary>
    private async Task<Dictionary<int, DutyOrigin>> OriginsAsync(List<int> dutyIds, CancellationToken cancellationToken) =>
        (await db.MeetingDecisions.AsNoTracking().Where(d => d.DutyId != null && dutyIds.Contains(d.DutyId.Value))
            .Select(d => new { DutyId = d.DutyId!.Value, Origin = new DutyOrigin(d.MeetingId, d.Meeting!.Title, d.Meeting.Kind, d.Meeting.StartsAt, d.Number) })
            .ToListAsync(cancellationToken)).ToDictionary(o => o.DutyId, o => o.Origin);

    /// <summary>The need's position in the latest closed round that ranked it.</summary>
    private async Task<Dictionary<int, int?>> PriorityPositionsAsync(List<int> needIds, CancellationToken cancellationToken)
    {
        var results = await db.PriorityRounds.AsNoTracking().Where(r => r.Results.Any(x => needIds.Contains(x.NeedId)))
            .OrderByDescending(r => r.ClosesAt).Include(r => r.Results).ToListAsync(cancellationToken);
        return results.SelectMany(r => r.Results).Where(x => needIds.Contains(x.NeedId))
            .GroupBy(x => x.NeedId).ToDictionary(g => g.Key, g => (int?)g.First().Position);
    }
}
