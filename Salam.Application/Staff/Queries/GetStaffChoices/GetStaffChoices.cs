using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Staff.Queries.GetStaffChoices;

/// <summary>
/// What the staff forms offer the caller: the roles they may give, the active provinces they reach, and of one province (the
/// officer's own; the administrator's choice, the first by default) its centres and active agencies, with the national agencies for the administrator.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record GetStaffChoices(int? ProvinceId = null) : IQuery<StaffChoices>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Caller];
}

public sealed record StaffChoices(IReadOnlyList<Role> Roles, int? ProvinceId, IReadOnlyList<StaffChoice> Provinces, IReadOnlyList<StaffChoice> Centres, IReadOnlyList<StaffChoice> Agencies);

public sealed record StaffChoice(int Id, PlaceName Name);

public sealed class GetStaffChoicesHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetStaffChoices, StaffChoices>
{
    public async ValueTask<StaffChoices> Handle(GetStaffChoices query, CancellationToken cancellationToken)
    {
        var admin = user.Role == Role.Admin;
        var roles = Enum.GetValues<Role>().Where(scope.MayGrant).ToList();
        var provinces = await db.Provinces.AsNoTracking().Where(p => p.IsActive && (admin || p.Id == user.ProvinceId)).OrderBy(p => p.NameFa)
            .Select(p => new StaffChoice(p.Id, new PlaceName(p.NameFa, p.NameEn))).ToListAsync(cancellationToken);
        var provinceId = admin ? query.ProvinceId ?? provinces.FirstOrDefault()?.Id : user.ProvinceId;

        var centres = await db.Centres.AsNoTracking().Where(c => c.ProvinceId == provinceId).OrderBy(c => c.NameFa)
            .Select(c => new StaffChoice(c.Id, new PlaceName(c.NameFa, c.NameEn))).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (a.ProvinceId == provinceId || (admin && a.ProvinceId == null)))
            .OrderBy(a => a.ProvinceId == null).ThenBy(a => a.NameFa)
            .Select(a => new StaffChoice(a.Id, new PlaceName(a.NameFa, a.NameEn))).ToListAsync(cancellationToken);
        return new StaffChoices(roles, provinceId, provinces, centres, agencies);
    }
}
