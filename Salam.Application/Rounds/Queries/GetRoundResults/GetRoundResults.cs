using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Common;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Queries.GetRoundResults;

/// <summary>
/// A round's results once it is counted: each need's position, score and first places, turnout, and the count record
/// (method, hash, code version, the method's details, the last recount). While it is open, staff see live turnout only;
/// residents see nothing until the round is published, so neither the count nor an unchecked result can sway anyone.
/// </summary>
[AllowedRoles(Role.Resident, Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetRoundResults(int RoundId) : IQuery<RoundResults>, IRoundScoped;

/// <param name="ClosedAt">When it actually closed: before <paramref name="ClosesAt"/> when a facilitator closed it early.</param>
/// <param name="Count">What the close froze; null before the close (and for rounds closed before count records existed).</param>
public sealed record RoundResults(int RoundId, string Title, RoundStatus Status, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, int MaxRanks,
    int RegisteredResidents, int OnlineBallots, int PaperBallots, IReadOnlyList<ResultRow> Rows,
    CountingMethod Method = CountingMethod.Borda, long? Budget = null, CountRecordView? Count = null)
{
    public int Ballots => OnlineBallots + PaperBallots;
    public double Turnout => RegisteredResidents == 0 ? 0 : (double)Ballots / RegisteredResidents;

    public bool ClosedEarly => ClosedAt < ClosesAt;
}

/// <param name="Alternative">The need's number in the round's .soi ballot file (approval order, from 1).</param>
/// <param name="Funded">Equal shares only: whether the budget funds it.</param>
public sealed record ResultRow(int Position, int NeedId, string Title, NeedCategory Category, int Score, int FirstPlaces,
    int Alternative = 0, long? Cost = null, bool? Funded = null);

/// <param name="FileAvailable">Whether the ballot file can be downloaded: published, with enough ballots.</param>
public sealed record CountRecordView(string Sha256, string CodeVersion, DateTimeOffset CountedAt, int OnlineBallots, int PaperBallots, bool FileAvailable,
    SchulzeDetails? Schulze, EqualSharesDetails? EqualShares, RecountView? LastRecount);

public sealed record RecountView(DateTimeOffset At, bool Agrees);

public sealed class GetRoundResultsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetRoundResults, RoundResults>
{
    public async ValueTask<RoundResults> Handle(GetRoundResults query, CancellationToken cancellationToken)
    {
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Needs).Include(r => r.Results)
            .SingleOrDefaultAsync(r => r.Id == query.RoundId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Round"));
        var counted = round.Status is RoundStatus.Closed or RoundStatus.Published;
        if (user.Role == Role.Resident && round.Status != RoundStatus.Published) throw new RequestRefusedException(Text.Get("Results.NotYet"));

        var channels = await db.Ballots.Where(b => b.RoundId == round.Id).GroupBy(b => b.Channel)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var registered = await db.Residents.CountAsync(r => r.NeighbourhoodId == round.NeighbourhoodId, cancellationToken);
        var rows = counted ? await RowsAsync(round, cancellationToken) : [];

        return new RoundResults(round.Id, round.Title, round.Status, round.ClosesAt, round.ClosedAt, round.MaxRanks, registered,
            channels.GetValueOrDefault(BallotChannel.Online), channels.GetValueOrDefault(BallotChannel.Paper), rows,
            round.Method, round.Budget, counted ? await CountAsync(round, cancellationToken) : null);
    }

    private async Task<List<ResultRow>> RowsAsync(PriorityRound round, CancellationToken cancellationToken)
    {
        var needIds = round.Results.Select(r => r.NeedId).ToList();
        var needs = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Title, n.Category }).ToDictionaryAsync(n => n.Id, cancellationToken);
        var onBallot = round.Needs.OrderBy(n => n.ApprovedAt).ThenBy(n => n.NeedId).Select((n, i) => new { n.NeedId, n.Cost, Alternative = i + 1 })
            .ToDictionary(n => n.NeedId);
        return round.Results.OrderBy(r => r.Position)
            .Select(r => new ResultRow(r.Position, r.NeedId, needs[r.NeedId].Title, needs[r.NeedId].Category, r.Score, r.FirstPlaces,
                onBallot.GetValueOrDefault(r.NeedId)?.Alternative ?? 0, onBallot.GetValueOrDefault(r.NeedId)?.Cost, r.Funded))
            .ToList();
    }

    private async Task<CountRecordView?> CountAsync(PriorityRound round, CancellationToken cancellationToken)
    {
        var record = await db.RoundCounts.AsNoTracking().SingleOrDefaultAsync(c => c.RoundId == round.Id, cancellationToken);
        if (record is null) return null;
        var recount = await db.RecountsLatestFirst(round.Id)
            .Select(r => new RecountView(r.At, r.Agrees)).FirstOrDefaultAsync(cancellationToken);
        var details = CountDetails.FromJson(record.Details);
        return new CountRecordView(record.Sha256, record.CodeVersion, record.CountedAt, record.OnlineBallots, record.PaperBallots,
            round.Status == RoundStatus.Published && record.Ballots >= CountRecords.FewestBallotsForFile,
            details.Schulze, details.EqualShares, recount);
    }
}
