using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Common;

/// <summary>Loading a round with its ballot needs, and closing one with a fresh count: shared by the facilitator and the recurring job.</summary>
public static class RoundLookup
{
    public static async Task<PriorityRound> FindRoundAsync(this ISalamDbContext db, int roundId, CancellationToken cancellationToken) =>
        await db.PriorityRounds.Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Round"));

    public static async Task CloseAndCountAsync(this ISalamDbContext db, PriorityRound round, DateTimeOffset now, IEnumerable<ICountingMethod> methods, CancellationToken cancellationToken)
    {
        await db.PriorityRounds.Entry(round).Collection(r => r.Results).LoadAsync(cancellationToken);
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Entries).Where(b => b.RoundId == round.Id).ToListAsync(cancellationToken);
        round.Close(now, ballots, methods.Single(m => m.Method == round.Method));
    }
}
