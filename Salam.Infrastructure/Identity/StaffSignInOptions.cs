using Salam.Domain.People;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// Which staff must sign in with an authenticator app (section "Security"). On by default for administrators, ministry staff and
/// provincial officers; Development switches it off so the demo accounts sign in with their password alone.
/// </summary>
public sealed class StaffSignInOptions
{
    public const string Section = "Security";

    public static readonly Role[] DefaultTwoFactorRoles = [Role.Admin, Role.MinistryStaff, Role.ProvinceOfficer];

    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>
    /// Null when not configured (then the defaults apply). Not initialised here: the configuration binder appends to an array
    /// it finds, so a default written here would be doubled rather than replaced.
    /// </summary>
    public Role[]? TwoFactorRequiredRoles { get; set; }

    public bool RequiresTwoFactor(Role role) =>
        RequireTwoFactor && role != Role.Resident && (TwoFactorRequiredRoles is { Length: > 0 } roles ? roles : DefaultTwoFactorRoles).Contains(role);
}
