using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Staff.Common;

/// <summary>A request that gives an account a role and its scope: a centre for a facilitator, an agency for a manager, a province for an officer.</summary>
public interface IStaffPlacementRequest
{
    Role Role { get; }
    int? ProvinceId { get; }
    int? CentreId { get; }
    int? AgencyId { get; }
}

public static class StaffPlacementTargets
{
    /// <summary>The role the caller gives and each place the request names, so the pipeline checks the caller may grant it there.</summary>
    public static IEnumerable<ScopeTarget> Of(IStaffPlacementRequest request) =>
    [
        ScopeTarget.StaffRole(request.Role),
        .. ScopeTarget.IfAny(request.CentreId, ScopeTarget.Centre),
        .. ScopeTarget.IfAny(request.AgencyId, ScopeTarget.AgencyStaff),
        .. ScopeTarget.IfAny(request.ProvinceId, ScopeTarget.Province),
    ];

    /// <summary>The roles a staff account can have: every role but a resident's.</summary>
    public static bool IsStaffRole(Role role) => Enum.IsDefined(role) && role != Role.Resident;
}
