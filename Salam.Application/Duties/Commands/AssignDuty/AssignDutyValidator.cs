using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Domain.Duties;

namespace Salam.Application.Duties.Commands.AssignDuty;

public sealed class AssignDutyValidator : AbstractValidator<AssignDuty>
{
    /// <summary>Two years: a due date further out is a slip of the calendar (a year picked wrong), not a plan an agency reports on.</summary>
    public const int MaxDaysAhead = 730;

    public AssignDutyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => Text.Get("Duty.TitleRequired"))
            .Must(t => t.Trim().Length <= Duty.MaxTitleLength).WithMessage(_ => Text.Get("Duty.TitleTooLong", Duty.MaxTitleLength));
        RuleFor(c => c.Description).Must(d => d.Trim().Length <= Duty.MaxDescriptionLength).WithMessage(_ => Text.Get("Duty.DescriptionTooLong", Duty.MaxDescriptionLength));
        // Today in Tehran: at 00:30 there it is already the new day, while UTC is still on the one before.
        RuleFor(c => c.DueDate).GreaterThanOrEqualTo(_ => clock.Today()).WithMessage(_ => Text.Get("Duty.DueDateInPast"))
            .LessThanOrEqualTo(_ => clock.Today().AddDays(MaxDaysAhead)).WithMessage(_ => Text.Get("Dates.DueTooFar"));
    }
}
