using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Residents.Queries;

/// <summary>The facilitator's queue: self-registrations of their neighbourhoods waiting for a decision, oldest first.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetPendingResidents : IQuery<IReadOnlyList<PendingResident>>, ICallerScoped;

public sealed record PendingResident(int Id, string FullName, string Mobile, string? NationalId, PlaceName Neighbourhood, DateTimeOffset RegisteredAt, int DaysWaited);

public sealed class GetPendingResidentsHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock) : IQueryHandler<GetPendingResidents, IReadOnlyList<PendingResident>>
{
    public async ValueTask<IReadOnlyList<PendingResident>> Handle(GetPendingResidents query, CancellationToken cancellationToken)
    {
        var reached = scope.Neighbourhoods().Select(n => n.Id);
        var rows = await db.Residents.AsNoTracking()
            .Where(r => r.Status == ResidentStatus.Pending && reached.Contains(r.NeighbourhoodId))
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.FullName, r.Mobile, r.NationalId, Name = new PlaceName(r.Neighbourhood!.NameFa, r.Neighbourhood.NameEn), r.RegisteredAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(r => new PendingResident(r.Id, r.FullName, r.Mobile, r.NationalId, r.Name, r.RegisteredAt, Math.Max(0, (int)(now - r.RegisteredAt).TotalDays)))
            .ToList();
    }
}
