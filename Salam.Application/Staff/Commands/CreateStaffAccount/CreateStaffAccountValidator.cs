using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Staff.Common;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.CreateStaffAccount;

public sealed class CreateStaffAccountValidator : StaffPlacementValidator<CreateStaffAccount>
{
    public const int FullNameMaxLength = 150;

    public CreateStaffAccountValidator()
    {
        RuleFor(c => c.UserName).Must(StaffUserName.IsValid).WithMessage(_ => Text.Get("Staff.UserNameInvalid"));
        RuleFor(c => c.FullName).NotEmpty().WithMessage(_ => Text.Get("Staff.FullNameRequired"))
            .MaximumLength(FullNameMaxLength).WithMessage(_ => Text.Get("Staff.FullNameTooLong", FullNameMaxLength));
        RuleFor(c => c.Mobile).Must(m => MobileNumber.TryParse(m, out _)).WithMessage(_ => Text.Get("Mobile.Invalid"));
        RuleFor(c => c.Email).ValidStaffEmail();
        RuleFor(c => c.InitialPassword).NotEmpty().WithMessage(_ => Text.Get("Staff.PasswordRequired"));
    }
}
