using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Reports;

namespace Salam.Application.Home.Queries;

/// <summary>The national landing page for ministry staff and administrators: every province side by side, from the latest roll-up.</summary>
[AllowedRoles(Role.MinistryStaff, Role.Admin)]
public sealed record GetNationalHome : IQuery<NationalHome>, INationalScoped;

/// <param name="AsOf">When the roll-up figures were computed; null before the first roll-up (the figures are then zeros).</param>
public sealed record NationalHome(IReadOnlyList<PlaceFigures> Provinces, int Agencies, int Centres, int Volunteers, DateTimeOffset? AsOf)
{
    public int Residents => Provinces.Sum(p => p.Residents);
    public int Ballots => Provinces.Sum(p => p.Ballots);
    public int Neighbourhoods => Provinces.Sum(p => p.Neighbourhoods);
    public int OverdueDuties => Provinces.Sum(p => p.OverdueDuties);
}

public sealed class GetNationalHomeHandler(ISalamDbContext db) : IQueryHandler<GetNationalHome, NationalHome>
{
    public async ValueTask<NationalHome> Handle(GetNationalHome query, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.NameFa)
            .Select(p => new { p.Id, Name = new PlaceName(p.NameFa, p.NameEn) }).ToListAsync(cancellationToken);
        // Geography and the small registers are counted live (tens of thousands of rows at most); everything the roll-up counts comes from its snapshots.
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().GroupBy(n => n.County!.ProvinceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var latest = await LatestSnapshots.ReadAsync(db, RollupLevel.Province, provinces.Select(p => p.Id).ToList(), cancellationToken);
        var rows = provinces.Select(p => PlaceFigures.From(p.Id, p.Name, neighbourhoods.GetValueOrDefault(p.Id), latest.Of(p.Id))).ToList();
        var national = (await LatestSnapshots.ReadAsync(db, RollupLevel.National, [RollupSnapshot.NationalScope], cancellationToken)).Of(RollupSnapshot.NationalScope);
        return new NationalHome(rows,
            await db.Agencies.CountAsync(cancellationToken),
            await db.Centres.CountAsync(cancellationToken),
            national.Volunteers,
            latest.AsOf());
    }
}
