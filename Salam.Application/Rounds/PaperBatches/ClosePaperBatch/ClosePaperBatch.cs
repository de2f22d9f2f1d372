using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches.ClosePaperBatch;

/// <summary>The facilitator closes a batch once every declared sheet is entered; it then waits for a countersignature.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ClosePaperBatch(int BatchId) : ICommand<PaperBatchStatus>, IPaperBatchScoped;

public sealed class ClosePaperBatchHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<ClosePaperBatch, PaperBatchStatus>
{
    public async ValueTask<PaperBatchStatus> Handle(ClosePaperBatch command, CancellationToken cancellationToken)
    {
        var batch = await db.FindPaperBatchAsync(command.BatchId, cancellationToken);
        batch.Close(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A sheet was entered (or the batch closed) between reading and saving: the facilitator looks again.
            throw new RequestRefusedException(Text.Get("PaperBatch.ChangedMeanwhile"));
        }
        return batch.Status;
    }
}
