using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Geography.Common;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Notifications.Residents;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.OpenRound;

/// <summary>Opens a drafted round; from now on its rules cannot change.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record OpenRound(int RoundId) : ICommand<RoundStatus>, IRoundScoped;

public sealed class OpenRoundHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<OpenRound, RoundStatus>
{
    public async ValueTask<RoundStatus> Handle(OpenRound command, CancellationToken cancellationToken)
    {
        var round = await db.FindRoundAsync(command.RoundId, cancellationToken);
        // A round drafted before its neighbourhood was deactivated stays a draft: it is readable, but never opens.
        if (!await db.Neighbourhoods.Where(n => n.Id == round.NeighbourhoodId).AnyAsync(PlaceService.InService, cancellationToken))
            throw new RequestRefusedException(Text.Get("Geography.NeighbourhoodInactive"));
        var now = clock.GetUtcNow();
        round.Open(now);
        // Told in the same save: a round that fails to open texts no one.
        await db.QueueRoundOpenedAsync(round, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return round.Status;
    }
}
