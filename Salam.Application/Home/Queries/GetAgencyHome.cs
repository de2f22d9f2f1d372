using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Home.Queries;

/// <summary>An agency manager's landing page: their agency's duties by status, overdue ones first.</summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record GetAgencyHome : IQuery<AgencyHome>, ICallerScoped;

public sealed record AgencyHome(PlaceName Agency, IReadOnlyDictionary<DutyStatus, int> ByStatus, int Overdue, IReadOnlyList<DutyRow> MostUrgent);

public sealed record DutyRow(int Id, string Title, PlaceName Neighbourhood, DutyStatus Status, int Percent, DateOnly DueDate, bool IsOverdue);

public sealed class GetAgencyHomeHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAgencyHome, AgencyHome>
{
    public async ValueTask<AgencyHome> Handle(GetAgencyHome query, CancellationToken cancellationToken)
    {
        var agencyId = user.AgencyId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new PlaceName(a.NameFa, a.NameEn)).SingleAsync(cancellationToken);
        var today = clock.Today();
        var duties = db.Duties.AsNoTracking().Where(d => d.AgencyId == agencyId);

        var byStatus = await duties.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var overdue = await duties.OverdueOn(today).CountAsync(cancellationToken);
        var urgent = await duties.Open().OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(8)
            .Select(d => new DutyRow(d.Id, d.Title, new PlaceName(
                    db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => n.NameFa).Single(),
                    db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => n.NameEn).Single()),
                d.Status, d.PercentComplete, d.DueDate, false))
            .ToListAsync(cancellationToken);
        return new AgencyHome(agency, byStatus, overdue, urgent.Select(r => r with { IsOverdue = Duty.IsOverdue(r.Status, r.DueDate, today) }).ToList());
    }
}
