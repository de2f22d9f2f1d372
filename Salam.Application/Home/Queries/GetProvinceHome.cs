using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Home.Queries;

/// <summary>A provincial officer's landing page: their province's counties side by side.</summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record GetProvinceHome : IQuery<ProvinceHome>, ICallerScoped;

public sealed record ProvinceHome(PlaceName Province, IReadOnlyList<PlaceFigures> Counties);

public sealed class GetProvinceHomeHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetProvinceHome, ProvinceHome>
{
    public async ValueTask<ProvinceHome> Handle(GetProvinceHome query, CancellationToken cancellationToken)
    {
        var provinceId = user.ProvinceId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        var province = await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId)
            .Select(p => new PlaceName(p.NameFa, p.NameEn)).SingleAsync(cancellationToken);
        var overdue = DutyQueries.IsOverdueOn(clock.Today());
        var counties = await db.Counties.AsNoTracking().Where(c => c.ProvinceId == provinceId).OrderBy(c => c.NameFa)
            .Select(c => new PlaceFigures(
                c.Id,
                new PlaceName(c.NameFa, c.NameEn),
                c.Neighbourhoods.Count,
                db.Residents.Count(r => r.Neighbourhood!.CountyId == c.Id),
                db.Ballots.Count(b => db.PriorityRounds.Any(r => r.Id == b.RoundId && c.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId))),
                db.Needs.Count(n => c.Neighbourhoods.Any(x => x.Id == n.NeighbourhoodId)),
                db.Duties.Count(d => c.Neighbourhoods.Any(x => x.Id == d.NeighbourhoodId)),
                db.Duties.Where(overdue).Count(d => c.Neighbourhoods.Any(x => x.Id == d.NeighbourhoodId))))
            .ToListAsync(cancellationToken);
        return new ProvinceHome(province, counties);
    }
}

/// <summary>One row of a side-by-side table: a province or county with its headline counts.</summary>
public sealed record PlaceFigures(int Id, PlaceName Name, int Neighbourhoods, int Residents, int Ballots, int Needs, int Duties, int OverdueDuties);
