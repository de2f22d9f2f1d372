using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Duties.Queries.GetAssignment;

/// <summary>What the assign-a-duty form offers for a neighbourhood: agencies in scope, its ranked priorities, and its duties so far.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetAssignment(int NeighbourhoodId) : IQuery<Assignment>, INeighbourhoodScoped;

public sealed record Assignment(IReadOnlyList<AgencyOption> Agencies, IReadOnlyList<PriorityOption> Priorities, IReadOnlyList<AssignedDuty> Duties);

public sealed record AgencyOption(int Id, PlaceName Name, AgencyKind Kind);

public sealed record PriorityOption(int NeedId, string Title, int? Position);

public sealed record AssignedDuty(int Id, string Title, PlaceName Agency, DutyStatus Status, int Percent, DateOnly DueDate);

public sealed class GetAssignmentHandler(ISalamDbContext db) : IQueryHandler<GetAssignment, Assignment>
{
    public async ValueTask<Assignment> Handle(GetAssignment query, CancellationToken cancellationToken)
    {
        var provinceId = await db.Neighbourhoods.Where(n => n.Id == query.NeighbourhoodId).Select(n => n.County!.ProvinceId).SingleAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (a.ProvinceId == provinceId || a.ProvinceId == null))
            .OrderBy(a => a.ProvinceId == null).ThenBy(a => a.Kind)
            .Select(a => new AgencyOption(a.Id, new PlaceName(a.NameFa, a.NameEn), a.Kind)).ToListAsync(cancellationToken);

        var latest = await db.PriorityRounds.AsNoTracking().Include(r => r.Results)
            .Where(r => r.NeighbourhoodId == query.NeighbourhoodId && r.Results.Any()).OrderByDescending(r => r.ClosesAt).FirstOrDefaultAsync(cancellationToken);
        var positions = latest?.Results.ToDictionary(r => r.NeedId, r => r.Position) ?? [];
        var needs = await db.Needs.AsNoTracking().Where(n => n.NeighbourhoodId == query.NeighbourhoodId && n.Status == NeedStatus.Approved)
            .Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken);
        var priorities = needs.Select(n => new PriorityOption(n.Id, n.Title, positions.TryGetValue(n.Id, out var p) ? p : null))
            .OrderBy(n => n.Position ?? int.MaxValue).ToList();

        var duties = await db.Duties.AsNoTracking().Where(d => d.NeighbourhoodId == query.NeighbourhoodId).OrderByDescending(d => d.AssignedAt)
            .Select(d => new AssignedDuty(d.Id, d.Title, new PlaceName(d.Agency!.NameFa, d.Agency.NameEn), d.Status, d.PercentComplete, d.DueDate))
            .ToListAsync(cancellationToken);
        return new Assignment(agencies, priorities, duties);
    }
}
