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

/// <summary>A facilitator's landing page: the neighbourhoods of their centre and the work waiting in each.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetFacilitatorHome : IQuery<FacilitatorHome>, ICallerScoped;

public sealed record FacilitatorHome(PlaceName Centre, IReadOnlyList<FacilitatorNeighbourhoodRow> Neighbourhoods);

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
                db.Residents.Count(r => r.NeighbourhoodId == n.Id),
                db.Needs.Count(x => x.NeighbourhoodId == n.Id && x.Status == NeedStatus.Proposed),
                db.PriorityRounds.Count(r => r.NeighbourhoodId == n.Id && r.Status == RoundStatus.Open),
                db.Ballots.Count(b => db.PriorityRounds.Any(r => r.Id == b.RoundId && r.NeighbourhoodId == n.Id && r.Status == RoundStatus.Open)),
                db.Volunteers.Count(v => v.NeighbourhoodId == n.Id && v.Status == VolunteerStatus.Registered)))
            .ToListAsync(cancellationToken);
        return new FacilitatorHome(centre, rows);
    }
}
