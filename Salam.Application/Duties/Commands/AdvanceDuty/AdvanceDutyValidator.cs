using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Duties;

namespace Salam.Application.Duties.Commands.AdvanceDuty;

public sealed class AdvanceDutyValidator : AbstractValidator<AdvanceDuty>
{
    public AdvanceDutyValidator()
    {
        // Refused before the duty is even read: a note is a timeline entry everyone loads, not a document.
        RuleFor(c => c.Note).Must(n => n is null || n.Trim().Length <= Duty.MaxNoteLength)
            .WithMessage(_ => Text.Get("Duty.NoteTooLong", Duty.MaxNoteLength));
    }
}
