using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;

namespace Salam.Application.Home.Queries;

/// <summary>A facilitator's landing page: the neighbourhoods of their centre and the work waiting in each.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetFacilitatorHome : IQuery<FacilitatorHome>, ICallerScoped;

/// <param name="AsOf">When the residents were counted (the latest roll-up); null before the first one.</param>
public sealed record FacilitatorHome(PlaceName Centre, IReadOnlyList<FacilitatorNeighbourhoodRow> Neighbourhoods, DateTimeOffset? AsOf);

/// <summary>
/// A neighbourhood of the centre. <see cref="Residents"/> is the latest roll-up's; the work waiting (needs to moderate,
/// open rounds and their ballots, volunteers to contact) is live, each counted by an index on the neighbourhood or the round.
/// </summary>
public sealed record FacilitatorNeighbourhoodRow(int Id, PlaceName Name, int Residents, int NeedsAwaitingModeration, int OpenRounds, int BallotsInOpenRounds, int NewVolunteers);

public sealed class GetFacilitatorHomeHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetFacilitatorHome, FacilitatorHome>
{
    public async ValueTask<FacilitatorHome> Handle(GetFacilitatorHome query, CancellationToken cancellationToken)
    {
        var centreId = user.CentreId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        var centre = await db.Centres.AsNoTracking().Where(c => c.Id == centreId)
            .Select(c => new PlaceName(c.NameFa, c.NameEn)).SingleAsync(cancellationToken);

        var rows = await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.CentreId == centreId)
            .OrderBy(n => n.NameFa)
            .Select(n => new FacilitatorNeighbourhoodRow(
                n.Id,
                new PlaceName(n.NameFa, n.NameEn),
                0,
                db.Needs.Count(x => x.NeighbourhoodId == n.Id && x.Status == NeedStatus.Proposed),
                db.PriorityRounds.Count(r => r.NeighbourhoodId == n.Id && r.Status == RoundStatus.Open),
                0,
                db.Volunteers.Count(v => v.NeighbourhoodId == n.Id && v.Status == VolunteerStatus.Registered)))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();

        // The open rounds' turnout is the rounds' own live state: each round's ballots counted by the (RoundId, ResidentId) index.
        var ballots = (await db.PriorityRounds.AsNoTracking()
            .Where(r => ids.Contains(r.NeighbourhoodId) && r.Status == RoundStatus.Open)
            .Select(r => new { r.NeighbourhoodId, Ballots = db.Ballots.Count(b => b.RoundId == r.Id) })
            .ToListAsync(cancellationToken))
            .GroupBy(r => r.NeighbourhoodId).ToDictionary(g => g.Key, g => g.Sum(r => r.Ballots));
        var latest = await LatestSnapshots.ReadAsync(db, RollupLevel.Neighbourhood, ids, cancellationToken);
        return new FacilitatorHome(centre,
            rows.Select(r => r with { Residents = latest.Of(r.Id).Residents, BallotsInOpenRounds = ballots.GetValueOrDefault(r.Id) }).ToList(),
            latest.AsOf());
    }
}
