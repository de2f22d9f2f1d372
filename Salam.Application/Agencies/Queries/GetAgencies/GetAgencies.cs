using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Agencies.Queries.GetAgencies;

/// <summary>
/// The agencies the caller administers, with how many duties each has (and how many are open), and the provinces the form
/// offers: every agency and province for the administrator, their own province's for an officer (national agencies are not theirs).
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record GetAgencies : IQuery<AgencyList>, ICallerScoped;

public sealed record AgencyList(IReadOnlyList<AgencyRow> Agencies, IReadOnlyList<ProvinceOption> Provinces, bool MayMakeNational);

public sealed record AgencyRow(int Id, PlaceName Name, AgencyKind Kind, int? ProvinceId, PlaceName? Province, bool IsActive, int Duties, int OpenDuties);

public sealed class GetAgenciesHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetAgencies, AgencyList>
{
    public async ValueTask<AgencyList> Handle(GetAgencies query, CancellationToken cancellationToken)
    {
        var national = scope.IsNational;
        var provinces = await db.Provinces.AsNoTracking().Where(p => national || p.Id == user.ProvinceId).OrderBy(p => p.NameFa)
            .Select(p => new ProvinceOption(p.Id, new PlaceName(p.NameFa, p.NameEn))).ToListAsync(cancellationToken);
        var names = provinces.ToDictionary(p => p.Id, p => p.Name);

        var agencies = await db.Agencies.AsNoTracking().Where(a => national || (a.ProvinceId != null && a.ProvinceId == user.ProvinceId))
            .OrderBy(a => a.ProvinceId == null ? 0 : 1).ThenBy(a => a.ProvinceId).ThenBy(a => a.Kind).ThenBy(a => a.NameFa)
            .Select(a => new
            {
                a.Id, a.NameFa, a.NameEn, a.Kind, a.ProvinceId, a.IsActive,
                Duties = db.Duties.Count(d => d.AgencyId == a.Id),
                OpenDuties = db.Duties.Count(d => d.AgencyId == a.Id && !Duty.FinishedStatuses.Contains(d.Status)),
            }).ToListAsync(cancellationToken);
        var rows = agencies.Select(a => new AgencyRow(a.Id, new PlaceName(a.NameFa, a.NameEn), a.Kind, a.ProvinceId,
            a.ProvinceId is { } p && names.TryGetValue(p, out var province) ? province : null, a.IsActive, a.Duties, a.OpenDuties)).ToList();
        return new AgencyList(rows, provinces, national);
    }
}
