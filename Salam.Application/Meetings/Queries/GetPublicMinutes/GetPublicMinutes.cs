using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeeting;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;

namespace Salam.Application.Meetings.Queries.GetPublicMinutes;

/// <summary>
/// A resident's view: published minutes marked public of the meetings whose scope holds their neighbourhood (its own, its county's,
/// its province's), latest first, with their decisions and each resulting duty's progress. No names of staff.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record GetPublicMinutes : IQuery<IReadOnlyList<PublicMinutes>>, ICallerScoped;

public sealed record PublicMinutes(int MeetingId, MeetingKind Kind, string Title, DateTimeOffset StartsAt, PlaceName ScopeName, int? Attendees,
    IReadOnlyList<PlaceName> Organisations, string Minutes, IReadOnlyList<DecisionRow> Decisions);

/// <summary>
/// Only minutes published and marked public, of meetings held for the resident's neighbourhood, its county or its province (the
/// neighbourhood is read from the resident's record, not trusted from the request). Organisations are those that came.
/// </summary>
public sealed class GetPublicMinutesHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPublicMinutes, IReadOnlyList<PublicMinutes>>
{
    public async ValueTask<IReadOnlyList<PublicMinutes>> Handle(GetPublicMinutes query, CancellationToken cancellationToken)
    {
        var home = await db.Residents.AsNoTracking().Where(r => r.Id == user.ResidentId)
            .Select(r => new { r.NeighbourhoodId, r.Neighbourhood!.CountyId, r.Neighbourhood.County!.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Resident"));

        return await db.PublicMinutesOfAsync(home.ProvinceId, home.CountyId, home.NeighbourhoodId, clock.Today(), cancellationToken);
    }
}
