using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Rounds.Counting;

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

        RuleFor(c => c.Method).IsInEnum().WithMessage(_ => Text.Get("Round.MethodUnknown"));
        RuleFor(c => c.Budget).Must(budget => budget is >= 1).When(c => c.Method == CountingMethod.EqualShares)
            .WithMessage(_ => Text.Get("Round.BudgetRequired"));
        RuleFor(c => c.Budget).Null().When(c => c.Method != CountingMethod.EqualShares).WithMessage(_ => Text.Get("Round.BudgetOnlyForEqualShares"));
        RuleForEach(c => c.Costs).Must(cost => cost.Cost >= 1).WithMessage(_ => Text.Get("Round.CostMustBePositive"))
            .Must((c, cost) => c.NeedIds.Contains(cost.NeedId)).WithMessage(_ => Text.Get("Ballot.NeedNotOnRound"));
        RuleFor(c => c.Costs).Must(costs => costs!.Select(c => c.NeedId).Distinct().Count() == costs!.Count).When(c => c.Costs is not null)
            .WithMessage(_ => Text.Get("Round.NeedAlreadyOnBallot"));
    }
}
