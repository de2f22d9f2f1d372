using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;

/// <summary>A neighbourhood's rounds, newest first, with live turnout — the facilitator's view of the ranking work.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetNeighbourhoodRounds(int NeighbourhoodId) : IQuery<NeighbourhoodRounds>, INeighbourhoodScoped;

public sealed record NeighbourhoodRounds(int NeighbourhoodId, string NameFa, string NameEn, int RegisteredResidents, IReadOnlyList<RoundRow> Rounds);

public sealed record RoundRow(int Id, string Title, RoundStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, int MaxRanks,
    IReadOnlyList<int> NeedIds, int OnlineBallots, int PaperBallots)
{
    public bool ClosedEarly => ClosedAt < ClosesAt;
}

public sealed class GetNeighbourhoodRoundsHandler(ISalamDbContext db) : IQueryHandler<GetNeighbourhoodRounds, NeighbourhoodRounds>
{
    public async ValueTask<NeighbourhoodRounds> Handle(GetNeighbourhoodRounds query, CancellationToken cancellationToken)
    {
        var place = await db.Neighbourhoods.AsNoTracking().Where(n => n.Id == query.NeighbourhoodId)
            .Select(n => new { n.NameFa, n.NameEn }).SingleAsync(cancellationToken);
        var rounds = await db.PriorityRounds.AsNoTracking().Where(r => r.NeighbourhoodId == query.NeighbourhoodId)
            .Select(r => new RoundRow(r.Id, r.Title, r.Status, r.OpensAt, r.ClosesAt, r.ClosedAt, r.MaxRanks, r.Needs.Select(n => n.NeedId).ToList(),
                db.Ballots.Count(b => b.RoundId == r.Id && b.Channel == BallotChannel.Online),
                db.Ballots.Count(b => b.RoundId == r.Id && b.Channel == BallotChannel.Paper)))
            .ToListAsync(cancellationToken);
        var residents = await db.Residents.CountAsync(r => r.NeighbourhoodId == query.NeighbourhoodId, cancellationToken);
        return new NeighbourhoodRounds(query.NeighbourhoodId, place.NameFa, place.NameEn, residents, rounds.OrderByDescending(r => r.OpensAt).ToList());
    }
}
