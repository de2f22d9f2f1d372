using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.CloseRound;

/// <summary>The facilitator closes an open round early; its ballots are counted at once.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CloseRound(int RoundId) : ICommand<RoundStatus>, IRoundScoped;

public sealed class CloseRoundHandler(ISalamDbContext db, TimeProvider clock, IEnumerable<ICountingMethod> methods) : ICommandHandler<CloseRound, RoundStatus>
{
    public async ValueTask<RoundStatus> Handle(CloseRound command, CancellationToken cancellationToken)
    {
        var round = await db.FindRoundAsync(command.RoundId, cancellationToken);
        await db.CloseAndCountAsync(round.Id, clock, methods, onlyWhenDue: false, cancellationToken);
        return RoundStatus.Closed;
    }
}
