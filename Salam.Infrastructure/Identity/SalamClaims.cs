namespace Salam.Infrastructure.Identity;

/// <summary>Claim types that carry a user's scope, and what they must do before anything else, in the sign-in cookie.</summary>
public static class SalamClaims
{
    public const string Province = "salam:province";
    public const string Centre = "salam:centre";
    public const string Agency = "salam:agency";
    public const string Resident = "salam:resident";
    public const string Neighbourhood = "salam:neighbourhood";

    /// <summary>The account must choose a new password before it may open anything else (an administrator set its password).</summary>
    public const string MustChangePassword = "salam:must-change-password";

    /// <summary>The account's role requires an authenticator app and none is enrolled yet: only the enrolment page opens.</summary>
    public const string MustEnrolTwoFactor = "salam:must-enrol-two-factor";
}
