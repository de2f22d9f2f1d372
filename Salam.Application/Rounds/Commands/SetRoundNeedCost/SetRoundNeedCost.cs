using FluentValidation;
using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;

namespace Salam.Application.Rounds.Commands.SetRoundNeedCost;

/// <summary>The facilitator sets what a need on a drafted round's ballot costs (whole rials); refused once the round has opened.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record SetRoundNeedCost(int RoundId, int NeedId, long Cost) : ICommand, IRoundScoped;

public sealed class SetRoundNeedCostValidator : AbstractValidator<SetRoundNeedCost>
{
    public SetRoundNeedCostValidator() =>
        RuleFor(c => c.Cost).GreaterThanOrEqualTo(1).WithMessage(_ => Text.Get("Round.CostMustBePositive"));
}

public sealed class SetRoundNeedCostHandler(ISalamDbContext db) : ICommandHandler<SetRoundNeedCost>
{
    public async ValueTask<Unit> Handle(SetRoundNeedCost command, CancellationToken cancellationToken)
    {
        var round = await db.FindRoundAsync(command.RoundId, cancellationToken);
        round.SetNeedCost(command.NeedId, command.Cost);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
