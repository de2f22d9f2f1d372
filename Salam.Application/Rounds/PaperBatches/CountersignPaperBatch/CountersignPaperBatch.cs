using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches.CountersignPaperBatch;

/// <summary>
/// A second person vouches for a closed batch: another facilitator of the round's centre or the province's officer (the scope
/// check reaches no one else), never the one who opened it.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record CountersignPaperBatch(int BatchId) : ICommand<PaperBatchStatus>, IPaperBatchScoped;

public sealed class CountersignPaperBatchHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CountersignPaperBatch, PaperBatchStatus>
{
    public async ValueTask<PaperBatchStatus> Handle(CountersignPaperBatch command, CancellationToken cancellationToken)
    {
        var batch = await db.FindPaperBatchAsync(command.BatchId, cancellationToken);
        batch.Countersign(user.UserId ?? throw new ForbiddenException(Text.Get("Forbidden.Role")), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("PaperBatch.ChangedMeanwhile"));
        }
        return batch.Status;
    }
}
