using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Reports;

namespace Salam.Application.Home.Queries;

/// <summary>A provincial officer's landing page: their province's counties side by side, from the latest roll-up.</summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record GetProvinceHome : IQuery<ProvinceHome>, ICallerScoped;

/// <param name="AsOf">When the roll-up figures were computed; null before the first roll-up (the figures are then zeros).</param>
public sealed record ProvinceHome(PlaceName Province, IReadOnlyList<PlaceFigures> Counties, DateTimeOffset? AsOf);

public sealed class GetProvinceHomeHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetProvinceHome, ProvinceHome>
{
    public async ValueTask<ProvinceHome> Handle(GetProvinceHome query, CancellationToken cancellationToken)
    {
        var provinceId = user.ProvinceId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        var province = await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId)
            .Select(p => new PlaceName(p.NameFa, p.NameEn)).SingleAsync(cancellationToken);
        var counties = await db.Counties.AsNoTracking().Where(c => c.ProvinceId == provinceId).OrderBy(c => c.NameFa)
            .Select(c => new { c.Id, Name = new PlaceName(c.NameFa, c.NameEn), Neighbourhoods = c.Neighbourhoods.Count })
            .ToListAsync(cancellationToken);
        var latest = await LatestSnapshots.ReadAsync(db, RollupLevel.County, counties.Select(c => c.Id).ToList(), cancellationToken);
        return new ProvinceHome(province,
            counties.Select(c => PlaceFigures.From(c.Id, c.Name, c.Neighbourhoods, latest.Of(c.Id))).ToList(),
            latest.AsOf());
    }
}

/// <summary>One row of a side-by-side table: a province or county with its headline counts (all but the neighbourhoods from its latest snapshot).</summary>
public sealed record PlaceFigures(int Id, PlaceName Name, int Neighbourhoods, int Residents, int Ballots, int Needs, int Duties, int OverdueDuties)
{
    public static PlaceFigures From(int id, PlaceName name, int neighbourhoods, SnapshotFigures s) =>
        new(id, name, neighbourhoods, s.Residents, s.Ballots, s.Needs, s.Duties, s.OverdueDuties);
}
