using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Rounds.Commands.CreateRound;

public sealed class CreateRoundValidator : AbstractValidator<CreateRound>
{
    public CreateRoundValidator(TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => Text.Get("Round.TitleRequired")).MaximumLength(200);
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithMessage(_ => Text.Get("Round.WindowInvalid"))
            .GreaterThan(_ => clock.GetUtcNow()).WithMessage(_ => Text.Get("Round.WindowPassed"));
        RuleFor(c => c.MaxRanks).InclusiveBetween(1, 20).WithMessage(_ => Text.Get("Round.MaxRanksOutOfRange", 1, 20));
        RuleFor(c => c.NeedIds).NotEmpty().WithMessage(_ => Text.Get("Round.NoNeeds"))
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => Text.Get("Round.NeedAlreadyOnBallot"));
    }
}
