using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.CloseDueRounds;

/// <summary>Closes and counts every open round whose window has passed. Run by the recurring job; running it twice changes nothing more.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record CloseDueRounds : ICommand<int>, INationalScoped;

public sealed class CloseDueRoundsHandler(ISalamDbContext db, TimeProvider clock, IEnumerable<ICountingMethod> countingMethods) : ICommandHandler<CloseDueRounds, int>
{
    public async ValueTask<int> Handle(CloseDueRounds command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueIds = await db.PriorityRounds
            .Where(r => r.Status == RoundStatus.Open && r.ClosesAt <= now)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        // One round at a time, each in its own transaction, so a crash leaves finished rounds closed and the rest open for the next run.
        var closed = 0;
        foreach (var roundId in dueIds)
        {
            if (await db.CloseAndCountAsync(roundId, clock, countingMethods, onlyWhenDue: true, cancellationToken)) closed++;
            db.DiscardChanges();
        }
        return closed;
    }
}
