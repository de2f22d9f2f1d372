using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Notifications.Residents;
using Salam.Application.Rounds.Common;
using Salam.Application.Rounds.PaperBatches;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.PublishRound;

/// <summary>The province's officer publishes a closed round: its residents see the results and anyone who may see them can download the ballots.</summary>
[AllowedRoles(Role.ProvinceOfficer, Role.Admin)]
public sealed record PublishRound(int RoundId) : ICommand<RoundStatus>, IRoundScoped;

public sealed class PublishRoundHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<PublishRound, RoundStatus>
{
    public ValueTask<RoundStatus> Handle(PublishRound command, CancellationToken cancellationToken) =>
        // Held like a close, so a recount finishing at the same moment is either seen here or waits for the publication.
        new(db.InTransactionAsync(async () =>
        {
            await db.HoldRoundAsync(command.RoundId, RoundHold.Close, cancellationToken);
            var round = await db.FindRoundAsync(command.RoundId, cancellationToken);
            if (round.Status != RoundStatus.Closed) throw new RequestRefusedException(Text.Get("Round.NotClosed"));
            if (await db.HasUnfinishedPaperBatchAsync(round.Id, cancellationToken))
                throw new RequestRefusedException(Text.Get("Publish.PaperBatchUnfinished"));
            if (await db.LatestRecountAgreesAsync(round.Id, cancellationToken) == false)
                throw new RequestRefusedException(Text.Get("Publish.RecountDisagrees"));
            round.Publish();
            await db.QueueResultsPublishedAsync(round, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return round.Status;
        }, cancellationToken));
}

public static class RecountChecks
{
    /// <summary>Whether the round's latest recount agreed with its count record; null when it was never recounted.</summary>
    public static Task<bool?> LatestRecountAgreesAsync(this ISalamDbContext db, int roundId, CancellationToken cancellationToken) =>
        db.RecountsLatestFirst(roundId).Select(r => (bool?)r.Agrees).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A round's recounts, the latest first (the id settles two at the same instant).</summary>
    public static IQueryable<RoundRecount> RecountsLatestFirst(this ISalamDbContext db, int roundId) =>
        db.RoundRecounts.AsNoTracking().Where(r => r.RoundId == roundId).OrderByDescending(r => r.At).ThenByDescending(r => r.Id);
}
