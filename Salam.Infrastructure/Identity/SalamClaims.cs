namespace Salam.Infrastructure.Identity;

/// <summary>Claim types that carry a user's scope in the sign-in cookie.</summary>
public static class SalamClaims
{
    public const string Province = "salam:province";
    public const string Centre = "salam:centre";
    public const string Agency = "salam:agency";
    public const string Resident = "salam:resident";
    public const string Neighbourhood = "salam:neighbourhood";
}
