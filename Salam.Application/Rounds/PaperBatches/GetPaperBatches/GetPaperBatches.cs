using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches.GetPaperBatches;

/// <summary>A round's paper batches, oldest first, with how many sheets each has of those declared and who vouched for it.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetPaperBatches(int RoundId) : IQuery<IReadOnlyList<PaperBatchRow>>, IRoundScoped;

/// <summary>One batch. <see cref="MayCountersign"/>: the caller could countersign it now (closed, and they did not open it).</summary>
public sealed record PaperBatchRow(int Id, int DeclaredSheets, int EnteredSheets, PaperBatchStatus Status, string OpenedBy, DateTimeOffset OpenedAt,
    string? CountersignedBy, bool MayCountersign = false);

public sealed class GetPaperBatchesHandler(ISalamDbContext db, ICurrentUser user, IUserDirectory users)
    : IQueryHandler<GetPaperBatches, IReadOnlyList<PaperBatchRow>>
{
    public async ValueTask<IReadOnlyList<PaperBatchRow>> Handle(GetPaperBatches query, CancellationToken cancellationToken)
    {
        var batches = await db.PaperBatches.AsNoTracking().Where(b => b.RoundId == query.RoundId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.DeclaredSheets, b.EnteredSheets, b.Status, b.OpenedByUserId, b.OpenedAt, b.CountersignedByUserId })
            .ToListAsync(cancellationToken);
        var names = await users.NamesAsync(batches.SelectMany(b => new[] { b.OpenedByUserId, b.CountersignedByUserId ?? b.OpenedByUserId }).Distinct().ToList(), cancellationToken);
        // Whom the scope check let read this round may countersign it too, by the same rule as CountersignPaperBatch's roles.
        var countersigner = user.Role is Role.Facilitator or Role.ProvinceOfficer;
        return batches.Select(b => new PaperBatchRow(b.Id, b.DeclaredSheets, b.EnteredSheets, b.Status, names.GetValueOrDefault(b.OpenedByUserId, ""), b.OpenedAt,
            b.CountersignedByUserId is { } signer ? names.GetValueOrDefault(signer, "") : null,
            countersigner && b.Status == PaperBatchStatus.Closed && b.OpenedByUserId != user.UserId)).ToList();
    }
}
