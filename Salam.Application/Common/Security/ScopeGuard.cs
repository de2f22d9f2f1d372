using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Common.Security;

/// <summary>Answers whether the current caller's scope reaches a neighbourhood or a province.</summary>
public sealed class ScopeGuard(ISalamDbContext db, ICurrentUser user, ILogger<ScopeGuard> logger)
{
    /// <summary>For requests that name a thing (a need, a round) rather than a place: refuse and log when its neighbourhood is out of reach.</summary>
    public async Task EnsureNeighbourhoodAsync(int neighbourhoodId, string what, CancellationToken cancellationToken)
    {
        if (await CanReachNeighbourhoodAsync(neighbourhoodId, cancellationToken)) return;
        logger.LogWarning("Refused user {UserId} ({Role}): {What} in neighbourhood {Neighbourhood} is out of reach", user.UserId, user.Role, what, neighbourhoodId);
        throw new ForbiddenException(Text.Get("Forbidden.Scope"));
    }

    /// <summary>An agency manager reaches only their own agency's duties; everyone else, the duties of the places in their scope.</summary>
    public async Task EnsureDutyAsync(int dutyId, int agencyId, int neighbourhoodId, CancellationToken cancellationToken)
    {
        if (user.Role != Role.AgencyManager)
        {
            await EnsureNeighbourhoodAsync(neighbourhoodId, $"duty {dutyId}", cancellationToken);
            return;
        }
        if (user.AgencyId == agencyId) return;
        logger.LogWarning("Refused user {UserId} (AgencyManager of {Agency}): duty {Duty} belongs to agency {Other}", user.UserId, user.AgencyId, dutyId, agencyId);
        throw new ForbiddenException(Text.Get("Forbidden.Scope"));
    }

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

    public async Task<bool> CanReachNeighbourhoodAsync(int neighbourhoodId, CancellationToken cancellationToken)
    {
        if (user.IsSystem || user.Role is Role.MinistryStaff or Role.Admin) return true;
        var place = await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.Id == neighbourhoodId)
            .Select(n => new { n.CentreId, n.County!.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken);
        if (place is null) return false;

        return user.Role switch
        {
            Role.Resident => user.NeighbourhoodId == neighbourhoodId,
            Role.Facilitator => user.CentreId is not null && place.CentreId == user.CentreId,
            Role.ProvinceOfficer => place.ProvinceId == user.ProvinceId,
            // A national agency (no province) works everywhere; a provincial one within its province.
            Role.AgencyManager => user.ProvinceId is null || place.ProvinceId == user.ProvinceId,
            _ => false,
        };
    }

    /// <summary>The centres the caller's scope reaches: every one for national roles, the province's for an officer, their own for a facilitator.</summary>
    public IQueryable<Centre> Centres() => user.Role switch
    {
        _ when user.IsSystem => db.Centres,
        Role.MinistryStaff or Role.Admin => db.Centres,
        Role.ProvinceOfficer => db.Centres.Where(c => c.ProvinceId == user.ProvinceId),
        Role.Facilitator => db.Centres.Where(c => user.CentreId != null && c.Id == user.CentreId),
        _ => db.Centres.Where(_ => false),
    };

    /// <summary>For things that belong to a province (a centre, a facilitator): refuse and log when it is out of reach. No province: national roles only.</summary>
    public void EnsureProvince(int? provinceId, string what)
    {
        if (provinceId is { } id ? CanReachProvince(id) : user.IsSystem || user.Role is Role.MinistryStaff or Role.Admin) return;
        logger.LogWarning("Refused user {UserId} ({Role}): {What} in province {Province} is out of reach", user.UserId, user.Role, what, provinceId);
        throw new ForbiddenException(Text.Get("Forbidden.Scope"));
    }

    public bool CanReachProvince(int provinceId) =>
        user.IsSystem
        || user.Role is Role.MinistryStaff or Role.Admin
        || (user.Role is Role.ProvinceOfficer or Role.Facilitator or Role.AgencyManager && user.ProvinceId == provinceId);
}
