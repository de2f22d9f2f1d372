using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Volunteers.Queries;

/// <summary>
/// One page of the volunteers of the caller's neighbourhoods, filtered and sorted in the database; mobile numbers only for
/// the facilitators whose centre serves them.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetVolunteerRoster(RosterFilter? Filter = null, int Page = 0, int PageSize = Paging.DefaultPageSize, RosterSort Sort = RosterSort.Status, bool Descending = false)
    : IQuery<VolunteerRoster>, ICallerScoped;

public enum RosterSort { Status, Name, Neighbourhood, Registered }

public sealed record VolunteerRoster(IReadOnlyList<NeighbourhoodChoice> Neighbourhoods, IReadOnlyList<RosterRow> Volunteers, int Total, bool ShowsContact);

public sealed record NeighbourhoodChoice(int Id, PlaceName Name);

public sealed record RosterRow(
    int Id, string Name, int NeighbourhoodId, PlaceName Neighbourhood, VolunteerSkill Skills, Weekdays Days, int HoursPerWeek,
    VolunteerStatus Status, bool Withdrawn, DateTimeOffset StatusSince, string? Mobile, string? Note, int Placements, int MinutesLast90Days);

/// <summary>The roster's filter: any skill of the chosen ones, free on every chosen day, in the chosen status and neighbourhood.</summary>
public sealed record RosterFilter(VolunteerSkill Skills = VolunteerSkill.None, Weekdays Days = Weekdays.None, VolunteerStatus? Status = null, int? NeighbourhoodId = null)
{
    public IQueryable<Volunteer> Apply(IQueryable<Volunteer> volunteers)
    {
        if (Skills != VolunteerSkill.None) volunteers = volunteers.Where(v => (v.Skills & Skills) != 0);
        if (Days != Weekdays.None) volunteers = volunteers.Where(v => (v.Days & Days) == Days);
        if (Status is { } status) volunteers = volunteers.Where(v => v.Status == status);
        if (NeighbourhoodId is { } place) volunteers = volunteers.Where(v => v.NeighbourhoodId == place);
        return volunteers;
    }
}

public sealed class GetVolunteerRosterValidator : AbstractValidator<GetVolunteerRoster>
{
    public GetVolunteerRosterValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed class GetVolunteerRosterHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope, TimeProvider clock) : IQueryHandler<GetVolunteerRoster, VolunteerRoster>
{
    /// <summary>The roster's hours are those attended on shifts that started in this many days.</summary>
    public const int RecentDays = 90;

    public async ValueTask<VolunteerRoster> Handle(GetVolunteerRoster query, CancellationToken cancellationToken)
    {
        var places = scope.Neighbourhoods();
        var neighbourhoods = await places.AsNoTracking().OrderBy(n => n.NameFa)
            .Select(n => new NeighbourhoodChoice(n.Id, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
        // Contact details are the facilitator's working tool; officers see the roster, not the phone numbers.
        var showsContact = user.Role == Role.Facilitator;

        var volunteers = (query.Filter ?? new RosterFilter()).Apply(db.Volunteers.AsNoTracking().Where(v => places.Any(n => n.Id == v.NeighbourhoodId)));
        var total = await volunteers.CountAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-RecentDays);
        var rows = await Sorted(volunteers, query.Sort, query.Descending)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(v => new RosterRow(
                v.Id, v.Resident!.FullName, v.NeighbourhoodId,
                db.Neighbourhoods.Where(n => n.Id == v.NeighbourhoodId).Select(n => new PlaceName(n.NameFa, n.NameEn)).First(),
                v.Skills, v.Days, v.HoursPerWeek, v.Status, v.WithdrawnAt != null,
                v.StatusChanges.OrderByDescending(c => c.At).Select(c => c.At).FirstOrDefault(),
                showsContact ? v.Resident.Mobile : null, v.Note,
                db.Placements.Count(p => p.VolunteerId == v.Id),
                db.ShiftBookings.Where(b => b.VolunteerId == v.Id && b.Attendance == Attendance.Attended && db.Shifts.Any(s => s.Id == b.ShiftId && s.StartsAt >= since))
                    .Sum(b => b.Minutes)))
            .ToListAsync(cancellationToken);
        return new VolunteerRoster(neighbourhoods, rows, total, showsContact);
    }

    // The id breaks ties, so a row never shows on two pages or on none.
    private IQueryable<Volunteer> Sorted(IQueryable<Volunteer> volunteers, RosterSort sort, bool descending) => (sort, descending) switch
    {
        (RosterSort.Name, false) => volunteers.OrderBy(v => v.Resident!.FullName).ThenBy(v => v.Id),
        (RosterSort.Name, true) => volunteers.OrderByDescending(v => v.Resident!.FullName).ThenBy(v => v.Id),
        (RosterSort.Neighbourhood, false) => volunteers.OrderBy(v => db.Neighbourhoods.Where(n => n.Id == v.NeighbourhoodId).Select(n => n.NameFa).First()).ThenBy(v => v.Id),
        (RosterSort.Neighbourhood, true) => volunteers.OrderByDescending(v => db.Neighbourhoods.Where(n => n.Id == v.NeighbourhoodId).Select(n => n.NameFa).First()).ThenBy(v => v.Id),
        (RosterSort.Registered, false) => volunteers.OrderBy(v => v.RegisteredAt).ThenBy(v => v.Id),
        (RosterSort.Registered, true) => volunteers.OrderByDescending(v => v.RegisteredAt).ThenBy(v => v.Id),
        (_, false) => volunteers.OrderBy(v => v.Status).ThenByDescending(v => v.RegisteredAt).ThenBy(v => v.Id),
        (_, true) => volunteers.OrderByDescending(v => v.Status).ThenByDescending(v => v.RegisteredAt).ThenBy(v => v.Id),
    };
}
