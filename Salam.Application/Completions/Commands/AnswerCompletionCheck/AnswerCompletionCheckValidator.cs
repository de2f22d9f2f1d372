using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Duties;

namespace Salam.Application.Completions.Commands.AnswerCompletionCheck;

public sealed class AnswerCompletionCheckValidator : AbstractValidator<AnswerCompletionCheck>
{
    public AnswerCompletionCheckValidator()
    {
        RuleFor(c => c.Answer).Must(a => Enum.IsDefined(a)).WithMessage(_ => Text.Get("Completion.AnswerInvalid"));
        RuleFor(c => c.Note).Must(n => n is null || n.Trim().Length <= CompletionCheck.MaxNoteLength)
            .WithMessage(_ => Text.Get("Completion.NoteTooLong", CompletionCheck.MaxNoteLength));
    }
}
