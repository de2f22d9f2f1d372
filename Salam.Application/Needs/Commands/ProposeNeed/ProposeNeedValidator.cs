using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Needs;

namespace Salam.Application.Needs.Commands.ProposeNeed;

public sealed class ProposeNeedValidator : AbstractValidator<ProposeNeed>
{
    public ProposeNeedValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => Text.Get("Need.TitleRequired"))
            .MaximumLength(Need.TitleMaxLength).WithMessage(_ => Text.Get("Need.TitleTooLong", Need.TitleMaxLength));
        RuleFor(c => c.Description).MaximumLength(Need.DescriptionMaxLength).WithMessage(_ => Text.Get("Need.DescriptionTooLong", Need.DescriptionMaxLength));
        RuleFor(c => c.Category).IsInEnum().WithMessage(_ => Text.Get("Need.CategoryInvalid"));
        RuleFor(c => c.EstimatedCost).GreaterThanOrEqualTo(0).When(c => c.EstimatedCost is not null).WithMessage(_ => Text.Get("Need.CostNegative"));
    }
}
