using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Staff.Common;

/// <summary>The role is a staff role and the request names exactly the scope that role works in, nothing more.</summary>
public abstract class StaffPlacementValidator<T> : AbstractValidator<T> where T : IStaffPlacementRequest
{
    protected StaffPlacementValidator()
    {
        RuleFor(r => r.Role).Must(StaffPlacementTargets.IsStaffRole).WithMessage(_ => Text.Get("Staff.RoleInvalid"));
        RuleFor(r => r).Custom((request, context) =>
        {
            if (!StaffPlacementTargets.IsStaffRole(request.Role)) return;
            var (centre, agency, province, field) = request.Role switch
            {
                Role.Facilitator => (true, false, false, nameof(request.CentreId)),
                Role.AgencyManager => (false, true, false, nameof(request.AgencyId)),
                Role.ProvinceOfficer => (false, false, true, nameof(request.ProvinceId)),
                _ => (false, false, false, nameof(request.Role)),
            };
            if (request.CentreId.HasValue != centre || request.AgencyId.HasValue != agency || request.ProvinceId.HasValue != province)
                context.AddFailure(field, Text.Get($"Staff.Scope.{request.Role}"));
        });
    }
}
