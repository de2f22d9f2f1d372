using Microsoft.AspNetCore.Identity;
using Salam.Domain.People;

namespace Salam.Infrastructure.Identity;

/// <summary>A sign-in account with its role and the scope that role works in. Residents sign in by mobile, staff by password.</summary>
public sealed class ApplicationUser : IdentityUser<int>
{
    public string FullName { get; set; } = "";
    public Role Role { get; set; }
    public int? ProvinceId { get; set; }
    public int? CentreId { get; set; }
    public int? AgencyId { get; set; }
    public int? ResidentId { get; set; }
    /// <summary>The language of this account's e-mails (Persian unless chosen); see <see cref="Languages"/>.</summary>
    public string Language { get; set; } = Languages.Persian;

    /// <summary>Set when an administrator resets the password: the next sign-in must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in and its open sessions end (its stamp is renewed); unlike a lockout it does not expire.</summary>
    public bool IsDisabled { get; set; }
}
