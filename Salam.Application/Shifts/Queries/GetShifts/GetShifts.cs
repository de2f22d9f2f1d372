using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Queries.GetShifts;

/// <summary>A centre's shifts: coming ones (not yet ended) soonest first, or past ones latest first.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetShifts(int CentreId, bool Past = false) : IQuery<IReadOnlyList<ShiftLine>>, ICentreDeskScoped;

public sealed class GetShiftsHandler(ISalamDbContext db, TimeProvider clock) : IQueryHandler<GetShifts, IReadOnlyList<ShiftLine>>
{
    /// <summary>A desk's working list, not an archive: the nearest this many either way.</summary>
    public const int MostShown = 200;

    public async ValueTask<IReadOnlyList<ShiftLine>> Handle(GetShifts query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var shifts = db.Shifts.Where(s => s.CentreId == query.CentreId);
        shifts = query.Past
            ? shifts.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            : shifts.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
        return await shifts.Take(MostShown).ToLinesAsync(db, cancellationToken);
    }
}
