using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Duties.Commands.AssignDuty;

public sealed class AssignDutyValidator : AbstractValidator<AssignDuty>
{
    public AssignDutyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => Text.Get("Duty.TitleRequired")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(2000);
        RuleFor(c => c.DueDate).GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage(_ => Text.Get("Duty.DueDateInPast"));
    }
}
