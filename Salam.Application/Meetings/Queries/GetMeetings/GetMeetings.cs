using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Domain.Duties;

namespace Salam.Application.Meetings.Queries.GetMeetings;

/// <summary>
/// Meetings of a province, latest first, with each one's decisions delivered on time: the provincial officer (and ministry staff,
/// admin) see all of the province's; a facilitator passes their neighbourhood and sees that neighbourhood's.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetMeetings(int ProvinceId, int? NeighbourhoodId = null) : IQuery<MeetingList>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [NeighbourhoodId is { } n ? ScopeTarget.Neighbourhood(n) : ScopeTarget.Province(ProvinceId)];
}

/// <summary>
/// The province's decision duties (duties made from the listed meetings' decisions) and how many were delivered on time: done by
/// their due date (the programme's day in Tehran). OnTimeShare = DeliveredOnTime / Settled, where Settled counts the decision duties
/// whose outcome is known: done (on time or late), declined, or still open past their due date. A duty still open and not yet
/// due is left out until it is settled; null when none is settled yet.
/// </summary>
public sealed record MeetingList(PlaceName Province, IReadOnlyList<MeetingRow> Meetings, int DecisionDuties, int DeliveredOnTime, double? OnTimeShare);

/// <summary>Overdue: decision duties still open past their due date.</summary>
public sealed record MeetingRow(int Id, MeetingKind Kind, string Title, DateTimeOffset StartsAt, MeetingScope Scope, PlaceName ScopeName, MeetingStatus Status,
    int Decisions, int DecisionDuties, int DeliveredOnTime, int Overdue);

/// <summary>
/// Given a neighbourhood, its own meetings; otherwise the province's. Either way neighbourhood meetings are cut to the neighbourhoods
/// the caller reaches (a facilitator, their centre's), and the province is the one the neighbourhood is in, whatever the request says.
/// </summary>
public sealed class GetMeetingsHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock) : IQueryHandler<GetMeetings, MeetingList>
{
    public async ValueTask<MeetingList> Handle(GetMeetings query, CancellationToken cancellationToken)
    {
        var provinceId = query.NeighbourhoodId is { } own
            ? await db.Neighbourhoods.Where(n => n.Id == own).Select(n => n.County!.ProvinceId).SingleAsync(cancellationToken)
            : query.ProvinceId;
        var province = await db.Provinces.Where(p => p.Id == provinceId).Select(p => new PlaceName(p.NameFa, p.NameEn)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Province"));
        var reached = scope.Neighbourhoods().Select(n => n.Id);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.ProvinceId == provinceId && (m.NeighbourhoodId == null || reached.Contains(m.NeighbourhoodId.Value)));
        if (query.NeighbourhoodId is { } only) meetings = meetings.Where(m => m.NeighbourhoodId == only);

        var rows = await meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Title, m.StartsAt, m.CountyId, m.NeighbourhoodId, m.Status }).ToListAsync(cancellationToken);
        var ids = rows.Select(m => m.Id).ToList();
        var decisions = await db.MeetingDecisions.AsNoTracking().Where(d => ids.Contains(d.MeetingId))
            .Select(d => new { d.MeetingId, Duty = d.Duty == null ? null : new { d.Duty.Status, d.Duty.DueDate, d.Duty.CompletedOnTime } })
            .ToListAsync(cancellationToken);
        var names = await ScopeNamesAsync(rows.Select(r => r.CountyId).OfType<int>(), rows.Select(r => r.NeighbourhoodId).OfType<int>(), cancellationToken);

        var today = clock.Today();
        var duties = decisions.Where(d => d.Duty is not null).Select(d => new { d.MeetingId, d.Duty!.Status, d.Duty.DueDate, d.Duty.CompletedOnTime }).ToList();
        bool OnTime(DutyStatus status, bool completedOnTime) => status == DutyStatus.Done && completedOnTime;
        var list = rows.Select(m =>
        {
            var ofMeeting = duties.Where(d => d.MeetingId == m.Id).ToList();
            var scopeName = m.NeighbourhoodId is { } n ? names.Neighbourhoods[n] : m.CountyId is { } c ? names.Counties[c] : province;
            return new MeetingRow(m.Id, m.Kind, m.Title, m.StartsAt, m.NeighbourhoodId is not null ? MeetingScope.Neighbourhood : m.CountyId is not null ? MeetingScope.County : MeetingScope.Province,
                scopeName, m.Status, decisions.Count(d => d.MeetingId == m.Id), ofMeeting.Count, ofMeeting.Count(d => OnTime(d.Status, d.CompletedOnTime)),
                ofMeeting.Count(d => Duty.IsOverdue(d.Status, d.DueDate, today)));
        }).ToList();

        var delivered = duties.Count(d => OnTime(d.Status, d.CompletedOnTime));
        var settled = duties.Count(d => Duty.IsFinished(d.Status) || d.DueDate < today);
        return new MeetingList(province, list, duties.Count, delivered, settled == 0 ? null : (double)delivered / settled);
    }

    private async Task<(Dictionary<int, PlaceName> Counties, Dictionary<int, PlaceName> Neighbourhoods)> ScopeNamesAsync(IEnumerable<int> countyIds,
        IEnumerable<int> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var counties = countyIds.Distinct().ToList();
        var places = neighbourhoodIds.Distinct().ToList();
        return (await db.Counties.Where(c => counties.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new PlaceName(c.NameFa, c.NameEn), cancellationToken),
            await db.Neighbourhoods.Where(n => places.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => new PlaceName(n.NameFa, n.NameEn), cancellationToken));
    }
}
