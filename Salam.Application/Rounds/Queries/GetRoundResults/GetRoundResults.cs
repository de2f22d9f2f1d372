using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Queries.GetRoundResults;

/// <summary>
/// A round's results once it is closed: each need's position, score and first places, and turnout.
/// While it is open, staff see live turnout only and residents see nothing, so the count cannot sway the vote.
/// </summary>
[AllowedRoles(Role.Resident, Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetRoundResults(int RoundId) : IQuery<RoundResults>, IRoundScoped;

/// <param name="ClosedAt">When it actually closed: before <paramref name="ClosesAt"/> when a facilitator closed it early.</param>
public sealed record RoundResults(int RoundId, string Title, RoundStatus Status, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, int MaxRanks,
    int RegisteredResidents, int OnlineBallots, int PaperBallots, IReadOnlyList<ResultRow> Rows)
{
    public int Ballots => OnlineBallots + PaperBallots;
    public double Turnout => RegisteredResidents == 0 ? 0 : (double)Ballots / RegisteredResidents;

    public bool ClosedEarly => ClosedAt < ClosesAt;
}

public sealed record ResultRow(int Position, int NeedId, string Title, NeedCategory Category, int Score, int FirstPlaces);

public sealed class GetRoundResultsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetRoundResults, RoundResults>
{
    public async ValueTask<RoundResults> Handle(GetRoundResults query, CancellationToken cancellationToken)
    {
        var round = await db.PriorityRounds.AsNoTracking().Where(r => r.Id == query.RoundId)
            .Select(r => new { r.Id, r.NeighbourhoodId, r.Title, r.Status, r.ClosesAt, r.ClosedAt, r.MaxRanks })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Round"));
        var counted = round.Status is RoundStatus.Closed or RoundStatus.Published;
        if (!counted && user.Role == Role.Resident) throw new RequestRefusedException(Text.Get("Results.NotYet"));

        var channels = await db.Ballots.Where(b => b.RoundId == round.Id).GroupBy(b => b.Channel)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var registered = await db.Residents.CountAsync(r => r.NeighbourhoodId == round.NeighbourhoodId, cancellationToken);
        var rows = counted ? await RowsAsync(round.Id, cancellationToken) : [];

        return new RoundResults(round.Id, round.Title, round.Status, round.ClosesAt, round.ClosedAt, round.MaxRanks, registered,
            channels.GetValueOrDefault(BallotChannel.Online), channels.GetValueOrDefault(BallotChannel.Paper), rows);
    }

    private async Task<List<ResultRow>> RowsAsync(int roundId, CancellationToken cancellationToken)
    {
        var results = await db.PriorityRounds.AsNoTracking().Where(r => r.Id == roundId).Include(r => r.Results)
            .Select(r => r.Results).SingleAsync(cancellationToken);
        var needIds = results.Select(r => r.NeedId).ToList();
        var needs = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => (n.Title, n.Category), cancellationToken);
        return results.OrderBy(r => r.Position)
            .Select(r => new ResultRow(r.Position, r.NeedId, needs[r.NeedId].Title, needs[r.NeedId].Category, r.Score, r.FirstPlaces))
            .ToList();
    }
}
