using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.AmendDecision;

public sealed class AmendDecisionValidator : AbstractValidator<AmendDecision>
{
    public AmendDecisionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Decision).NotNull().WithMessage(_ => Text.Get("Decision.KindInvalid"))
            .SetValidator(new DecisionDraftValidator(clock));
    }
}
