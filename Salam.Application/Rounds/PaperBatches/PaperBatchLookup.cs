using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches;

/// <summary>Finding a batch, and whether a round still has paper that nobody has vouched for.</summary>
public static class PaperBatchLookup
{
    public static async Task<PaperBatch> FindPaperBatchAsync(this ISalamDbContext db, int batchId, CancellationToken cancellationToken) =>
        await db.PaperBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.PaperBatch"));

    /// <summary>
    /// Inside a transaction: finds the batch and holds it until the commit, so desks entering into the same batch take turns
    /// instead of racing for its next sheet (and being refused by the count's concurrency check). The hold is a write that
    /// changes nothing, which every provider locks until the commit; there is nothing for the audit log to record.
    /// </summary>
    public static async Task<PaperBatch> HoldPaperBatchAsync(this ISalamDbContext db, int batchId, CancellationToken cancellationToken)
    {
        await db.PaperBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.EnteredSheets, b => b.EnteredSheets), cancellationToken);
        return await db.FindPaperBatchAsync(batchId, cancellationToken);
    }

    /// <summary>True while any batch of the round is open or closed but not countersigned: such a round is not published.</summary>
    public static Task<bool> HasUnfinishedPaperBatchAsync(this ISalamDbContext db, int roundId, CancellationToken cancellationToken) =>
        db.PaperBatches.AnyAsync(b => b.RoundId == roundId && b.Status != PaperBatchStatus.Countersigned, cancellationToken);
}
