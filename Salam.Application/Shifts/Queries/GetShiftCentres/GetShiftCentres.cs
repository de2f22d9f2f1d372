using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Shifts.Queries.GetShiftCentres;

/// <summary>
/// The centres of one province whose shifts an officer or ministry staff may read, with how many shifts each has coming: the
/// shifts page's chooser (a facilitator has one centre and never chooses).
/// </summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetShiftCentres(int ProvinceId) : IQuery<IReadOnlyList<ShiftCentre>>, IProvinceScoped;

public sealed record ShiftCentre(int CentreId, PlaceName Name, int Coming);

public sealed class GetShiftCentresHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock) : IQueryHandler<GetShiftCentres, IReadOnlyList<ShiftCentre>>
{
    public async ValueTask<IReadOnlyList<ShiftCentre>> Handle(GetShiftCentres query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await scope.Centres().AsNoTracking().Where(c => c.ProvinceId == query.ProvinceId).OrderBy(c => c.NameFa)
            .Select(c => new ShiftCentre(c.Id, new PlaceName(c.NameFa, c.NameEn), db.Shifts.Count(s => s.CentreId == c.Id && s.EndsAt > now)))
            .ToListAsync(cancellationToken);
    }
}
