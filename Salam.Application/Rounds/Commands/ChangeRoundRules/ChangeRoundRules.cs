using FluentValidation;
using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.ChangeRoundRules;

/// <summary>The facilitator changes a drafted round's K, counting method and budget; refused once the round has opened.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ChangeRoundRules(int RoundId, int MaxRanks, CountingMethod Method, long? Budget) : ICommand, IRoundScoped;

public sealed class ChangeRoundRulesValidator : AbstractValidator<ChangeRoundRules>
{
    public ChangeRoundRulesValidator()
    {
        RuleFor(c => c.MaxRanks).InclusiveBetween(1, 20).WithMessage(_ => Text.Get("Round.MaxRanksOutOfRange", 1, 20));
        RuleFor(c => c.Method).IsInEnum().WithMessage(_ => Text.Get("Round.MethodUnknown"));
        RuleFor(c => c.Budget).Must(budget => budget is >= 1).When(c => c.Method == CountingMethod.EqualShares)
            .WithMessage(_ => Text.Get("Round.BudgetRequired"));
        RuleFor(c => c.Budget).Null().When(c => c.Method != CountingMethod.EqualShares).WithMessage(_ => Text.Get("Round.BudgetOnlyForEqualShares"));
    }
}

public sealed class ChangeRoundRulesHandler(ISalamDbContext db) : ICommandHandler<ChangeRoundRules>
{
    public async ValueTask<Unit> Handle(ChangeRoundRules command, CancellationToken cancellationToken)
    {
        var round = await db.FindRoundAsync(command.RoundId, cancellationToken);
        round.ChangeRules(command.MaxRanks, command.Method, command.Budget);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
