using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Commands.CreateShift;

public sealed class CreateShiftValidator : AbstractValidator<CreateShift>
{
    public CreateShiftValidator(TimeProvider clock)
    {
        RuleFor(c => c.Draft).NotNull().WithMessage(_ => Text.Get("Shift.TitleRequired")).SetValidator(new ShiftDraftValidator());
        RuleFor(c => c.Draft.StartsAt).Coming(clock).When(c => c.Draft is not null).OverridePropertyName("Draft.StartsAt");
        RuleFor(c => c.Link).NotNull().WithMessage(_ => Text.Get("Shift.OneLink"))
            .Must(l => l is null || l.Count <= 1).WithMessage(_ => Text.Get("Shift.OneLink"));
    }
}

public sealed class ReviseShiftValidator : AbstractValidator<ReviseShift>
{
    public ReviseShiftValidator()
    {
        RuleFor(c => c.Version).NotEqual(Guid.Empty).WithMessage(_ => Text.Get("Shift.Stale"));
        RuleFor(c => c.Draft).NotNull().WithMessage(_ => Text.Get("Shift.TitleRequired")).SetValidator(new ShiftDraftValidator());
    }
}
