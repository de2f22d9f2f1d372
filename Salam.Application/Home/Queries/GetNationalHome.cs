using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Home.Queries;

/// <summary>The national landing page for ministry staff and administrators: every province side by side.</summary>
[AllowedRoles(Role.MinistryStaff, Role.Admin)]
public sealed record GetNationalHome : IQuery<NationalHome>, INationalScoped;

public sealed record NationalHome(IReadOnlyList<PlaceFigures> Provinces, int Agencies, int Centres, int Volunteers)
{
    public int Residents => Provinces.Sum(p => p.Residents);
    public int Ballots => Provinces.Sum(p => p.Ballots);
    public int Neighbourhoods => Provinces.Sum(p => p.Neighbourhoods);
    public int OverdueDuties => Provinces.Sum(p => p.OverdueDuties);
}

public sealed class GetNationalHomeHandler(ISalamDbContext db, TimeProvider clock) : IQueryHandler<GetNationalHome, NationalHome>
{
    public async ValueTask<NationalHome> Handle(GetNationalHome query, CancellationToken cancellationToken)
    {
        var overdue = DutyQueries.IsOverdueOn(clock.Today());
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.NameFa)
            .Select(p => new PlaceFigures(
                p.Id,
                new PlaceName(p.NameFa, p.NameEn),
                db.Neighbourhoods.Count(n => n.County!.ProvinceId == p.Id),
                db.Residents.Count(r => r.Neighbourhood!.County!.ProvinceId == p.Id),
                db.Ballots.Count(b => db.PriorityRounds.Any(r => r.Id == b.RoundId && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.County!.ProvinceId == p.Id))),
                db.Needs.Count(x => db.Neighbourhoods.Any(n => n.Id == x.NeighbourhoodId && n.County!.ProvinceId == p.Id)),
                db.Duties.Count(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.County!.ProvinceId == p.Id)),
                db.Duties.Where(overdue).Count(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.County!.ProvinceId == p.Id))))
            .ToListAsync(cancellationToken);
        return new NationalHome(provinces,
            await db.Agencies.CountAsync(cancellationToken),
            await db.Centres.CountAsync(cancellationToken),
            await db.Volunteers.CountAsync(cancellationToken));
    }
}
