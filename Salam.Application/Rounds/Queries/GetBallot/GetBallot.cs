using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Queries.GetBallot;

/// <summary>The ballot a resident fills: the round's rules, its needs, and the ranking they already gave (if any).</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetBallot(int RoundId) : IQuery<BallotForm>, IRoundScoped;

public sealed record BallotForm(int RoundId, string Title, RoundStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MaxRanks,
    bool AcceptsVotes, IReadOnlyList<BallotNeed> Needs, IReadOnlyList<int> MyRanking, ResidentStatus MyStatus = ResidentStatus.Confirmed, DateTimeOffset? MySubmittedAt = null);

public sealed record BallotNeed(int Id, string Title, string Description, NeedCategory Category);

public sealed class GetBallotHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetBallot, BallotForm>
{
    public async ValueTask<BallotForm> Handle(GetBallot query, CancellationToken cancellationToken)
    {
        var round = await db.PriorityRounds.AsNoTracking().Where(r => r.Id == query.RoundId)
            .Select(r => new { r.Id, r.NeighbourhoodId, r.Title, r.Status, r.OpensAt, r.ClosesAt, r.MaxRanks })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Round"));

        var needIds = await db.PriorityRounds.AsNoTracking().Where(r => r.Id == round.Id).Include(r => r.Needs)
            .Select(r => r.Needs.Select(n => n.NeedId).ToList()).SingleAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id))
            .Select(n => new BallotNeed(n.Id, n.Title, n.Description, n.Category)).ToListAsync(cancellationToken);
        // The stored ballot is the receipt: its ranking and when it was (last) saved.
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Entries)
            .SingleOrDefaultAsync(b => b.RoundId == round.Id && b.ResidentId == user.ResidentId, cancellationToken);
        var mine = ballot?.RankedNeedIds() ?? [];
        var now = clock.GetUtcNow();
        var accepts = round.Status == RoundStatus.Open && now >= round.OpensAt && now < round.ClosesAt;
        // The ballot page explains why a resident still waiting for confirmation (or rejected) cannot vote.
        var status = await db.Residents.Where(r => r.Id == user.ResidentId).Select(r => r.Status).SingleOrDefaultAsync(cancellationToken);
        return new BallotForm(round.Id, round.Title, round.Status, round.OpensAt, round.ClosesAt, round.MaxRanks, accepts,
            needs.OrderBy(n => n.Title, StringComparer.Ordinal).ToList(), mine, status, ballot?.SubmittedAt);
    }
}
