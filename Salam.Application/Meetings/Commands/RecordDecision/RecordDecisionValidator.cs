using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.RecordDecision;

public sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Decision).NotNull().WithMessage(_ => Text.Get("Decision.KindInvalid"))
            .SetValidator(new DecisionDraftValidator(clock));
    }
}
