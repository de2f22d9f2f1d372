using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Needs.Commands.ModerateNeed;

public sealed class ModerateNeedValidator : AbstractValidator<ModerateNeed>
{
    public ModerateNeedValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == Moderation.Reject).WithMessage(_ => Text.Get("Need.RejectionReasonRequired"))
            .MaximumLength(500).WithMessage(_ => Text.Get("Need.RejectionReasonTooLong", 500));
        RuleFor(c => c.IntoNeedId).NotNull().When(c => c.Decision == Moderation.Merge).WithMessage(_ => Text.Get("Need.MergeTargetRequired"));
    }
}
