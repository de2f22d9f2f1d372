using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Home.Queries;

/// <summary>A resident's landing page: their neighbourhood, its open round, and what is happening there.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetResidentHome : IQuery<ResidentHome>;

public sealed record ResidentHome(
    string ResidentName, PlaceName Neighbourhood, PlaceName County, PlaceName Province, PlaceName? Centre,
    int ApprovedNeeds, int ProposedNeeds, int ActiveDuties, IReadOnlyList<OpenRoundSummary> OpenRounds, ClosedRoundSummary? LastClosedRound);

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

        var lastClosed = await db.PriorityRounds.AsNoTracking()
            .Where(r => r.NeighbourhoodId == home.NeighbourhoodId && (r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published))
            .OrderByDescending(r => r.ClosesAt)
            .Select(r => new ClosedRoundSummary(r.Id, r.Title, r.ClosedAt ?? r.ClosesAt))
            .FirstOrDefaultAsync(cancellationToken);

        return new ResidentHome(home.FullName, home.Neighbourhood, home.County, home.Province, home.Centre,
            await needs.CountAsync(n => n.Status == NeedStatus.Approved, cancellationToken),
            await needs.CountAsync(n => n.Status == NeedStatus.Proposed, cancellationToken),
            await db.Duties.CountAsync(d => d.NeighbourhoodId == home.NeighbourhoodId && d.Status != Domain.Duties.DutyStatus.Done && d.Status != Domain.Duties.DutyStatus.Declined, cancellationToken),
            rounds, lastClosed);
    }
}
