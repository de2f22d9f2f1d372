using Salam.Application.Common.Interfaces;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Common.Security;

/// <summary>
/// The caller's reach. Single things a request names are checked by the pipeline (<see cref="ScopeResolver"/>) before the
/// handler runs; handlers that list many things filter through <see cref="Neighbourhoods"/> and <see cref="Centres"/>.
/// </summary>
public sealed class ScopeGuard(ISalamDbContext db, ICurrentUser user)
{
    /// <summary>The neighbourhoods the caller's scope reaches, for lists (none for roles without a place).</summary>
    public IQueryable<Neighbourhood> Neighbourhoods() => user.Role switch
    {
        _ when user.IsSystem => db.Neighbourhoods,
        Role.MinistryStaff or Role.Admin => db.Neighbourhoods,
        Role.Facilitator => db.Neighbourhoods.Where(n => user.CentreId != null && n.CentreId == user.CentreId),
        Role.ProvinceOfficer => db.Neighbourhoods.Where(n => n.County!.ProvinceId == user.ProvinceId),
        Role.Resident => db.Neighbourhoods.Where(n => n.Id == user.NeighbourhoodId),
        _ => db.Neighbourhoods.Where(_ => false),
    };

    /// <summary>The centres the caller's scope reaches: every one for national roles, the province's for an officer, their own for a facilitator.</summary>
    public IQueryable<Centre> Centres() => user.Role switch
    {
        _ when user.IsSystem => db.Centres,
        Role.MinistryStaff or Role.Admin => db.Centres,
        Role.ProvinceOfficer => db.Centres.Where(c => c.ProvinceId == user.ProvinceId),
        Role.Facilitator => db.Centres.Where(c => user.CentreId != null && c.Id == user.CentreId),
        _ => db.Centres.Where(_ => false),
    };

    public bool IsNational => user.IsSystem || user.Role is Role.MinistryStaff or Role.Admin;

    /// <summary>Whether the caller reaches a neighbourhood, given where it is.</summary>
    public bool Reaches(NeighbourhoodPlace place) => IsNational || user.Role switch
    {
        Role.Resident => user.NeighbourhoodId == place.Id,
        Role.Facilitator => user.CentreId is not null && place.CentreId == user.CentreId,
        Role.ProvinceOfficer => place.ProvinceId == user.ProvinceId,
        // A national agency (no province) works everywhere; a provincial one within its province.
        Role.AgencyManager => user.ProvinceId is null || place.ProvinceId == user.ProvinceId,
        _ => false,
    };

    /// <summary>Whether the caller reaches something of a province.</summary>
    public bool CanReachProvince(int provinceId) =>
        IsNational
        || (user.Role is Role.ProvinceOfficer or Role.Facilitator or Role.AgencyManager && user.ProvinceId == provinceId);

    /// <summary>
    /// Whether the caller manages a staff account of this role and province: the administrator every one; a provincial officer
    /// only facilitators and agency managers of their own province (never an officer, ministry or admin account, nor a national agency's manager).
    /// </summary>
    public bool ManagesStaff(Role role, int? provinceId) => user.Role switch
    {
        Role.Admin => true,
        Role.ProvinceOfficer => MayGrant(role) && provinceId is not null && provinceId == user.ProvinceId,
        _ => false,
    };

    /// <summary>Whether the caller may give an account this role.</summary>
    public bool MayGrant(Role role) => user.Role switch
    {
        Role.Admin => Enum.IsDefined(role) && role != Role.Resident,
        Role.ProvinceOfficer => role is Role.Facilitator or Role.AgencyManager,
        _ => false,
    };

    /// <summary>Whether the caller holds the ids their role's own requests read by: a resident their record, a manager their agency, an officer their province.</summary>
    public bool HoldsOwnScope() => user.IsSystem || user.Role switch
    {
        Role.Resident => user.ResidentId is not null && user.NeighbourhoodId is not null,
        Role.AgencyManager => user.AgencyId is not null,
        Role.ProvinceOfficer => user.ProvinceId is not null,
        Role.Facilitator or Role.MinistryStaff or Role.Admin => true,
        _ => false,
    };
}

/// <summary>Where a neighbourhood is: the centre that serves it and its province.</summary>
public sealed record NeighbourhoodPlace(int Id, int? CentreId, int ProvinceId);
