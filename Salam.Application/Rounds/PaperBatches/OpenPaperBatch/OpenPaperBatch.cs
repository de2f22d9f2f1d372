using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches.OpenPaperBatch;

/// <summary>The facilitator opens a batch of paper sheets for an open round, declaring how many sheets it holds; returns its id.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record OpenPaperBatch(int RoundId, int DeclaredSheets) : ICommand<int>, IRoundScoped;

public sealed class OpenPaperBatchHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenPaperBatch, int>
{
    // Opened under the round's ballot hold, like a ballot: a batch is only ever opened in a round that is taking ballots.
    public async ValueTask<int> Handle(OpenPaperBatch command, CancellationToken cancellationToken) =>
        await db.WriteBallotAsync(command.RoundId, clock, async (round, now) =>
        {
            var batch = new PaperBatch(round, command.DeclaredSheets, user.UserId ?? throw new ForbiddenException(Text.Get("Forbidden.Role")), now);
            db.PaperBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            return batch.Id;
        }, cancellationToken);
}
