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
    private const int MostMeetings = 50;

    public async ValueTask<IReadOnlyList<PublicMinutes>> Handle(GetPublicMinutes query, CancellationToken cancellationToken)
    {
        var home = await db.Residents.AsNoTracking().Where(r => r.Id == user.ResidentId)
            .Select(r => new { r.NeighbourhoodId, r.Neighbourhood!.CountyId, r.Neighbourhood.County!.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Resident"));

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.MinutesPublished && m.MinutesPublic)
            .Where(m => m.NeighbourhoodId == home.NeighbourhoodId
                || (m.NeighbourhoodId == null && m.CountyId == home.CountyId)
                || (m.NeighbourhoodId == null && m.CountyId == null && m.ProvinceId == home.ProvinceId))
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(MostMeetings)
            .Select(m => new { m.Id, m.Kind, m.Title, m.StartsAt, m.ProvinceId, m.CountyId, m.NeighbourhoodId, m.Attendees, m.Minutes })
            .ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        var came = await db.Meetings.Where(m => ids.Contains(m.Id))
            .SelectMany(m => m.Organisations.Where(o => o.Attended).Select(o => new { o.MeetingId, o.Id, o.Kind, o.Name, o.AgencyId }))
            .ToListAsync(cancellationToken);
        var agencyIds = came.Select(o => o.AgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new PlaceName(a.NameFa, a.NameEn), cancellationToken);
        var decisions = await db.OfMeetingsAsync(ids, clock.Today(), cancellationToken);
        // Every meeting shown is of the resident's own neighbourhood, county or province: three names at most.
        var neighbourhoodName = await db.ScopeNameAsync(home.ProvinceId, home.CountyId, home.NeighbourhoodId, cancellationToken);
        var countyName = await db.ScopeNameAsync(home.ProvinceId, home.CountyId, null, cancellationToken);
        var provinceName = await db.ScopeNameAsync(home.ProvinceId, null, null, cancellationToken);

        var minutes = meetings.Select(m => new PublicMinutes(m.Id, m.Kind, m.Title, m.StartsAt,
            m.NeighbourhoodId is not null ? neighbourhoodName : m.CountyId is not null ? countyName : provinceName, m.Attendees,
            [.. came.Where(o => o.MeetingId == m.Id).OrderBy(o => o.Kind).ThenBy(o => o.Id)
                .Select(o => o.AgencyId is { } a ? agencies[a] : new PlaceName(o.Name ?? "", o.Name ?? ""))],
            m.Minutes, decisions.GetValueOrDefault(m.Id) ?? [])).ToList();
        return minutes;
    }
}
