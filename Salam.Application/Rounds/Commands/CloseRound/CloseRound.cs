using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.CloseRound;

/// <summary>The facilitator closes an open round early; its ballots are counted at once and the count record frozen.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CloseRound(int RoundId) : ICommand<RoundStatus>, IRoundScoped;

public sealed class CloseRoundHandler(ISalamDbContext db, TimeProvider clock, IEnumerable<ICountingMethod> methods) : ICommandHandler<CloseRound, RoundStatus>
{
    public async ValueTask<RoundStatus> Handle(CloseRound command, CancellationToken cancellationToken)
    {
        await db.CloseAndCountAsync(command.RoundId, clock, methods, onlyWhenDue: false, cancellationToken);
        // Published when the province publishes automatically; the round read under the close's hold is the one tracked.
        return (await db.FindRoundAsync(command.RoundId, cancellationToken)).Status;
    }
}
