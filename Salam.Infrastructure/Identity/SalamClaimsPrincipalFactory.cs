using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// Writes the role and scope into the cookie at sign-in, so each request knows its scope without a query, and what the account
/// must do first (change its password, enrol an authenticator). Both are read from the account each time a cookie is issued or
/// refreshed, so changing the password or enrolling (which refresh the sign-in) lifts the restriction at once.
/// </summary>
public sealed class SalamClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options, SalamDbContext db,
        IOptions<StaffSignInOptions> staffSignIn)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FullName));
        Add(identity, SalamClaims.Centre, user.CentreId);
        Add(identity, SalamClaims.Agency, user.AgencyId);
        Add(identity, SalamClaims.Resident, user.ResidentId);
        if (user.MustChangePassword) identity.AddClaim(new Claim(SalamClaims.MustChangePassword, "true"));
        if (!user.TwoFactorEnabled && staffSignIn.Value.RequiresTwoFactor(user.Role)) identity.AddClaim(new Claim(SalamClaims.MustEnrolTwoFactor, "true"));

        var provinceId = user.ProvinceId;
        if (user.CentreId is { } centreId)
            provinceId = await db.Centres.Where(c => c.Id == centreId).Select(c => (int?)c.ProvinceId).SingleOrDefaultAsync();
        if (user.AgencyId is { } agencyId)
            provinceId = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.ProvinceId).SingleOrDefaultAsync();
        if (user.ResidentId is { } residentId)
        {
            var place = await db.Residents.Where(r => r.Id == residentId)
                .Select(r => new { r.NeighbourhoodId, r.Neighbourhood!.County!.ProvinceId }).SingleAsync();
            Add(identity, SalamClaims.Neighbourhood, place.NeighbourhoodId);
            provinceId = place.ProvinceId;
        }
        Add(identity, SalamClaims.Province, provinceId);
        return identity;
    }

    private static void Add(ClaimsIdentity identity, string type, int? value)
    {
        if (value is { } id) identity.AddClaim(new Claim(type, id.ToString(CultureInfo.InvariantCulture)));
    }
}
