using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;
using Salam.Domain.Reports;

namespace Salam.Application.Reports.Queries.GetRollupReport;

/// <summary>
/// The ministry's (and a provincial officer's) roll-up table: the places of <paramref name="Level"/> under
/// <paramref name="ParentId"/> (none for provinces, a province id for counties, a county id for neighbourhoods). Reads snapshots only.
/// </summary>
[AllowedRoles(Role.MinistryStaff, Role.Admin, Role.ProvinceOfficer)]
public sealed record GetRollupReport(RollupLevel Level, int? ParentId = null) : IQuery<RollupReport>, IScoped
{
    // Provinces are listed by the caller's own reach; a province's counties and a county's neighbourhoods by their parent's.
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => Level switch
    {
        RollupLevel.County => [ScopeTarget.Province(ParentId ?? 0)],
        RollupLevel.Neighbourhood => [ScopeTarget.County(ParentId ?? 0)],
        _ => [ScopeTarget.Caller],
    };
}

public sealed class GetRollupReportHandler(ISalamDbContext db, ICurrentUser user)
    : IQueryHandler<GetRollupReport, RollupReport>
{
    private const int TrendLength = 30;

    public async ValueTask<RollupReport> Handle(GetRollupReport query, CancellationToken cancellationToken)
    {
        var nation = new ReportCrumb(RollupLevel.National, RollupSnapshot.NationalScope, new PlaceName(Text.Get("Report.Nation"), Text.Get("Report.Nation")));
        var (trail, places) = query.Level switch
        {
            RollupLevel.Province => ([nation], await db.Provinces.AsNoTracking()
                .Where(p => user.Role != Role.ProvinceOfficer || p.Id == user.ProvinceId)
                .Select(p => new Place(p.Id, p.NameFa, p.NameEn)).ToListAsync(cancellationToken)),
            RollupLevel.County => await CountiesAsync(nation, query.ParentId, cancellationToken),
            RollupLevel.Neighbourhood => await NeighbourhoodsAsync(nation, query.ParentId, cancellationToken),
            _ => throw new NotFoundException(Text.Get("NotFound.Place")),
        };
        // An officer's table of provinces is their own province: its total is the province, not the nation.
        var total = user.Role == Role.ProvinceOfficer && query.Level == RollupLevel.Province ? null : trail[^1];
        var latest = await RollupReading.LatestAsync(db, query.Level, places.Select(p => p.Id).ToList(), cancellationToken);
        var rows = places
            .Select(p => latest.TryGetValue(p.Id, out var s) ? RollupReading.Row(p.Id, new PlaceName(p.NameFa, p.NameEn), s) : null)
            .OfType<RollupRow>().OrderBy(r => r.Name.Fa).ToList();
        RollupRow? totalRow = null;
        IReadOnlyList<TrendPoint> trend = [];
        if (total is not null)
        {
            var snapshot = (await RollupReading.LatestAsync(db, total.Level, [total.Id], cancellationToken)).GetValueOrDefault(total.Id);
            totalRow = snapshot is null ? null : RollupReading.Row(total.Id, total.Name, snapshot);
            trend = await RollupReading.TrendAsync(db, total.Level, total.Id, TrendLength, cancellationToken);
        }
        else if (rows.Count == 1)
        {
            trend = await RollupReading.TrendAsync(db, query.Level, rows[0].Id, TrendLength, cancellationToken);
        }
        return new RollupReport(query.Level, trail, totalRow, rows, trend);
    }

    private async Task<(List<ReportCrumb>, List<Place>)> CountiesAsync(ReportCrumb nation, int? provinceId, CancellationToken cancellationToken)
    {
        var province = await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId)
            .Select(p => new ReportCrumb(RollupLevel.Province, p.Id, new PlaceName(p.NameFa, p.NameEn))).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Place"));
        var counties = await db.Counties.AsNoTracking().Where(c => c.ProvinceId == province.Id)
            .Select(c => new Place(c.Id, c.NameFa, c.NameEn)).ToListAsync(cancellationToken);
        return ([nation, province], counties);
    }

    private async Task<(List<ReportCrumb>, List<Place>)> NeighbourhoodsAsync(ReportCrumb nation, int? countyId, CancellationToken cancellationToken)
    {
        var county = await db.Counties.AsNoTracking().Where(c => c.Id == countyId)
            .Select(c => new { c.Id, c.NameFa, c.NameEn, c.ProvinceId, ProvinceFa = c.Province!.NameFa, ProvinceEn = c.Province.NameEn })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Place"));
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => n.CountyId == county.Id)
            .Select(n => new Place(n.Id, n.NameFa, n.NameEn)).ToListAsync(cancellationToken);
        return ([nation, new ReportCrumb(RollupLevel.Province, county.ProvinceId, new PlaceName(county.ProvinceFa, county.ProvinceEn)),
            new ReportCrumb(RollupLevel.County, county.Id, new PlaceName(county.NameFa, county.NameEn))], neighbourhoods);
    }

    private sealed record Place(int Id, string NameFa, string NameEn);
}
