using FluentValidation;
using Salam.Application.Residents.Common;

namespace Salam.Application.Residents.Commands.RegisterResident;

public sealed class RegisterResidentValidator : AbstractValidator<RegisterResident>
{
    public RegisterResidentValidator()
    {
        RuleFor(c => c.FullName).ValidName();
        RuleFor(c => c.Mobile).ValidMobile();
        RuleFor(c => c.NationalId).ValidNationalId();
    }
}
