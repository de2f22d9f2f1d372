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
}
