using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Application.Campaigns.Queries.GetAllocationChoices;
using Salam.Application.Home.Queries;

namespace Salam.Application.Shifts.Queries.GetShiftChoices;

/// <summary>What a new shift at the centre can be for: its neighbourhoods, their open duties and approved needs, its campaigns, and its meetings' decisions.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetShiftChoices(int CentreId) : IQuery<ShiftChoices>, ICentreDeskScoped;

public sealed record ShiftChoices(IReadOnlyList<NeighbourhoodOption> Neighbourhoods, IReadOnlyList<TitledChoice> Duties, IReadOnlyList<TitledChoice> Needs,
    IReadOnlyList<TitledChoice> Campaigns, IReadOnlyList<TitledChoice> Decisions);

public sealed record NeighbourhoodOption(int NeighbourhoodId, PlaceName Name);

public sealed class GetShiftChoicesHandler(ISalamDbContext db, TimeProvider clock) : IQueryHandler<GetShiftChoices, ShiftChoices>
{
    /// <summary>The latest of each kind: a picker, not an archive.</summary>
    public const int MostOfEach = 100;

    public async ValueTask<ShiftChoices> Handle(GetShiftChoices query, CancellationToken cancellationToken)
    {
        var places = db.Neighbourhoods.Where(n => n.CentreId == query.CentreId && n.IsActive);
        var neighbourhoods = await places.AsNoTracking().OrderBy(n => n.NameFa).ThenBy(n => n.Id)
            .Select(n => new NeighbourhoodOption(n.Id, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
        var duties = await db.Duties.AsNoTracking()
            .Where(d => places.Any(n => n.Id == d.NeighbourhoodId) && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined)
            .OrderByDescending(d => d.Id).Take(MostOfEach).Select(d => new TitledChoice(d.Id, d.Title)).ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => places.Any(p => p.Id == n.NeighbourhoodId) && n.Status == NeedStatus.Approved)
            .OrderByDescending(n => n.Id).Take(MostOfEach).Select(n => new TitledChoice(n.Id, n.Title)).ToListAsync(cancellationToken);
        // Campaigns still running or to come: a shift is for work ahead.
        var today = clock.Today();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Centres.Any(t => t.CentreId == query.CentreId) && c.EndsOn >= today)
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Take(MostOfEach).Select(c => new TitledChoice(c.Id, c.Name)).ToListAsync(cancellationToken);
        // Published decisions only (draft minutes are their organisers'), about one of the centre's neighbourhoods.
        var decisions = await db.MeetingDecisions.AsNoTracking().Where(d => d.Meeting!.Status == MeetingStatus.MinutesPublished)
            .Where(d => places.Any(n => n.Id == (d.NeighbourhoodId ?? d.Meeting!.NeighbourhoodId)))
            .OrderByDescending(d => d.Id).Take(MostOfEach).Select(d => new TitledChoice(d.Id, d.Title)).ToListAsync(cancellationToken);
        return new ShiftChoices(neighbourhoods, duties, needs, campaigns, decisions);
    }
}
