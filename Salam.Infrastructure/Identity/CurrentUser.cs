using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Salam.Application.Common.Interfaces;
using Salam.Domain.People;

namespace Salam.Infrastructure.Identity;

/// <summary>The caller, read from the sign-in cookie's claims. A Blazor circuit or a job sets the principal explicitly.</summary>
public sealed class CurrentUser(IHttpContextAccessor httpContext) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public bool IsSystem { get; private set; }

    private ClaimsPrincipal? Principal => _principal ?? httpContext.HttpContext?.User;

    /// <summary>Used where no HttpContext carries the user: a Blazor circuit passes its authentication state.</summary>
    public void Use(ClaimsPrincipal principal) => _principal = principal;

    /// <summary>Background jobs act as the system, which only requests marked for it accept.</summary>
    public void UseSystem() => IsSystem = true;

    public int? UserId => Int(ClaimTypes.NameIdentifier);

    public Role? Role => Enum.TryParse<Role>(Principal?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public int? ProvinceId => Int(SalamClaims.Province);
    public int? CentreId => Int(SalamClaims.Centre);
    public int? AgencyId => Int(SalamClaims.Agency);
    public int? ResidentId => Int(SalamClaims.Resident);
    public int? NeighbourhoodId => Int(SalamClaims.Neighbourhood);
    public string? DisplayName => Principal?.FindFirstValue(ClaimTypes.GivenName);

    private int? Int(string type) =>
        Principal?.Identity?.IsAuthenticated == true && int.TryParse(Principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
