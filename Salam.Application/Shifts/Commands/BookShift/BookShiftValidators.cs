using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Shifts.Commands.BookShift;

// Ids only: the pipeline's scope check finds the shift and the volunteer; these refuse what cannot be an id before any read.
public sealed class SignUpForShiftValidator : AbstractValidator<SignUpForShift>
{
    public SignUpForShiftValidator() => RuleFor(c => c.ShiftId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Shift"));
}

public sealed class LeaveShiftValidator : AbstractValidator<LeaveShift>
{
    public LeaveShiftValidator() => RuleFor(c => c.ShiftId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Shift"));
}

public sealed class AssignToShiftValidator : AbstractValidator<AssignToShift>
{
    public AssignToShiftValidator()
    {
        RuleFor(c => c.ShiftId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Shift"));
        RuleFor(c => c.VolunteerId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Volunteer"));
    }
}

public sealed class RemoveFromShiftValidator : AbstractValidator<RemoveFromShift>
{
    public RemoveFromShiftValidator()
    {
        RuleFor(c => c.ShiftId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Shift"));
        RuleFor(c => c.VolunteerId).GreaterThan(0).WithMessage(_ => Text.Get("NotFound.Volunteer"));
    }
}
