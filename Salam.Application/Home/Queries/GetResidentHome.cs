using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Home.Queries;

/// <summary>A resident's landing page: their neighbourhood, its open round, and what is happening there.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetResidentHome : IQuery<ResidentHome>, ICallerScoped;

public sealed record ResidentHome(
    string ResidentName, PlaceName Neighbourhood, PlaceName County, PlaceName Province, PlaceName? Centre,
    int ApprovedNeeds, int ProposedNeeds, int ActiveDuties, IReadOnlyList<OpenRoundSummary> OpenRounds, ClosedRoundSummary? LastClosedRound,
    IReadOnlyList<PriorityProgress> Priorities, ResidentStatus Status = ResidentStatus.Confirmed, string? RejectionReason = null);

/// <summary>A top priority of the last closed round and what the agencies are doing about it.</summary>
public sealed record PriorityProgress(int Position, string Title, IReadOnlyList<DutyProgress> Duties);

/// <param name="IsFollowed">The resident asked to be texted when it changes.</param>
public sealed record DutyProgress(string Title, PlaceName Agency, Domain.Duties.DutyStatus Status, int Percent, DateOnly DueDate, bool IsOverdue,
    int DutyId, bool IsFollowed);

public sealed record ClosedRoundSummary(int Id, string Title, DateTimeOffset ClosedAt);

public sealed record PlaceName(string Fa, string En);

public sealed record OpenRoundSummary(int Id, string Title, DateTimeOffset ClosesAt, int NeedsOnBallot, int MaxRanks, bool HasVoted);

public sealed class GetResidentHomeHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetResidentHome, ResidentHome>
{
    public async ValueTask<ResidentHome> Handle(GetResidentHome query, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var home = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new
        {
            r.FullName,
            r.NeighbourhoodId,
            r.Status,
            r.RejectionReason,
            Neighbourhood = new PlaceName(r.Neighbourhood!.NameFa, r.Neighbourhood.NameEn),
            County = new PlaceName(r.Neighbourhood.County!.NameFa, r.Neighbourhood.County.NameEn),
            Province = new PlaceName(r.Neighbourhood.County.Province!.NameFa, r.Neighbourhood.County.Province.NameEn),
            Centre = r.Neighbourhood.Centre == null ? null : new PlaceName(r.Neighbourhood.Centre.NameFa, r.Neighbourhood.Centre.NameEn),
        }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Resident"));

        var needs = db.Needs.Where(n => n.NeighbourhoodId == home.NeighbourhoodId);
        var now = clock.GetUtcNow();
        var rounds = await db.PriorityRounds.AsNoTracking()
            .Where(r => r.NeighbourhoodId == home.NeighbourhoodId && r.Status == RoundStatus.Open && r.ClosesAt > now)
            .OrderBy(r => r.ClosesAt)
            .Select(r => new OpenRoundSummary(r.Id, r.Title, r.ClosesAt, r.Needs.Count, r.MaxRanks,
                db.Ballots.Any(b => b.RoundId == r.Id && b.ResidentId == residentId)))
            .ToListAsync(cancellationToken);

        // Only a published round: a closed one's results wait for the officer (and its recount), as its results page does.
        var lastClosed = await db.PriorityRounds.AsNoTracking()
            .Where(r => r.NeighbourhoodId == home.NeighbourhoodId && r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.ClosesAt)
            .Select(r => new ClosedRoundSummary(r.Id, r.Title, r.ClosedAt ?? r.ClosesAt))
            .FirstOrDefaultAsync(cancellationToken);

        var priorities = lastClosed is null ? [] : await PrioritiesAsync(lastClosed.Id, home.NeighbourhoodId, residentId, cancellationToken);

        return new ResidentHome(home.FullName, home.Neighbourhood, home.County, home.Province, home.Centre,
            await needs.CountAsync(n => n.Status == NeedStatus.Approved, cancellationToken),
            await needs.CountAsync(n => n.Status == NeedStatus.Proposed, cancellationToken),
            await db.Duties.Open().CountAsync(d => d.NeighbourhoodId == home.NeighbourhoodId, cancellationToken),
            rounds, lastClosed, priorities, home.Status, home.RejectionReason);
    }

    private const int TopPriorities = 3;

    private async Task<List<PriorityProgress>> PrioritiesAsync(int roundId, int neighbourhoodId, int residentId, CancellationToken cancellationToken)
    {
        var top = (await db.PriorityRounds.AsNoTracking().Include(r => r.Results).SingleAsync(r => r.Id == roundId, cancellationToken))
            .Results.OrderBy(r => r.Position).Take(TopPriorities).ToList();
        var needIds = top.Select(r => r.NeedId).ToList();
        var titles = await db.Needs.Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        var today = clock.Today();
        var duties = await db.Duties.AsNoTracking().Where(d => d.NeighbourhoodId == neighbourhoodId && d.NeedId != null && needIds.Contains(d.NeedId.Value))
            .Select(d => new { NeedId = d.NeedId!.Value, Progress = new DutyProgress(d.Title, new PlaceName(d.Agency!.NameFa, d.Agency.NameEn), d.Status, d.PercentComplete, d.DueDate, false,
                d.Id, db.DutyFollows.Any(f => f.DutyId == d.Id && f.ResidentId == residentId)) })
            .ToListAsync(cancellationToken);
        return top.Select(r => new PriorityProgress(r.Position, titles[r.NeedId], duties.Where(d => d.NeedId == r.NeedId)
            .Select(d => d.Progress with { IsOverdue = Duty.IsOverdue(d.Progress.Status, d.Progress.DueDate, today) }).ToList())).ToList();
    }
}
