using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting.Files;

namespace Salam.Application.Rounds.Queries.GetRoundBallotFile;

/// <summary>
/// A published round's ballots as a file anyone who may see its results can count again with tools/Salam.Count: rankings
/// only, in canonical order, whose SHA-256 is the count record's. Only once published, and never for fewer than
/// <see cref="CountRecords.FewestBallotsForFile"/> ballots (totals only, so a few neighbours' rankings cannot be told apart).
/// </summary>
[AllowedRoles(Role.Resident, Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetRoundBallotFile(int RoundId) : IQuery<BallotFile>, IRoundScoped;

public sealed class GetRoundBallotFileHandler(ISalamDbContext db) : IQueryHandler<GetRoundBallotFile, BallotFile>
{
    public async ValueTask<BallotFile> Handle(GetRoundBallotFile query, CancellationToken cancellationToken)
    {
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == query.RoundId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Round"));
        if (round.Status != RoundStatus.Published || round.ClosedAt is not { } closedAt) throw new RequestRefusedException(Text.Get("Results.FileNotYet"));
        var record = await db.RoundCounts.AsNoTracking().Where(c => c.RoundId == round.Id)
            .Select(c => new { c.OnlineBallots, c.PaperBallots }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RequestRefusedException(Text.Get("Results.FileNotYet"));
        if (record.OnlineBallots + record.PaperBallots < CountRecords.FewestBallotsForFile)
            throw new RequestRefusedException(Text.Get("Results.TooFewForFile", CountRecords.FewestBallotsForFile));

        return await db.BallotFileAsync(round, await db.CountedBallotsAsync(round.Id, closedAt, cancellationToken), cancellationToken);
    }
}
