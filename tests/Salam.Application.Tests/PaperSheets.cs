using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Application.Rounds.PaperBatches.OpenPaperBatch;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Helpers for paper ballots: a batch to enter sheets into, and a fingerprint of everything a batch request could write.</summary>
internal static class PaperSheets
{
    public static Task<int> OpenPaperBatchAsync(this TestApp app, ClaimsPrincipal facilitator, int roundId, int declaredSheets = 20) =>
        app.SendAsync<int>(facilitator, new OpenPaperBatch(roundId, declaredSheets));

    private static int _sheetSerial;

    /// <summary>One sheet of a fresh resident of the round's neighbourhood, ranking one need, entered into the batch.</summary>
    public static Task<PaperBallotReceipt> EnterPaperSheetAsync(this TestApp app, ClaimsPrincipal facilitator, int roundId, int needId, int batchId)
    {
        var n = Interlocked.Increment(ref _sheetSerial);
        return app.SendAsync<PaperBallotReceipt>(facilitator,
            new SubmitPaperBallot(roundId, NationalIds.Valid(7000 + n), $"0935{n + 7000000:D7}", "برگهٔ کاغذی", [needId], batchId));
    }

    /// <summary>Every batch's every field, the ballots' batches, and the audit log's length; equal before and after means nothing was written.</summary>
    public static Task<string> BatchesFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        string.Join(',', (await db.PaperBatches.AsNoTracking().OrderBy(b => b.Id).ToListAsync()).Select(b => string.Join(':', b.Id, b.RoundId, b.DeclaredSheets,
            b.EnteredSheets, b.Status, b.OpenedByUserId, b.OpenedAt.UtcTicks, b.ClosedAt?.UtcTicks, b.CountersignedByUserId, b.CountersignedAt?.UtcTicks))),
        string.Join(',', await db.Ballots.Where(b => b.PaperBatchId != null).OrderBy(b => b.Id).Select(b => new { b.Id, b.PaperBatchId }).ToListAsync()),
        await db.AuditEvents.CountAsync()));
}
