using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Common;
using Salam.Domain.Duties;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;

namespace Salam.Application.Meetings.Queries.GetMeeting;

/// <summary>One meeting as its organiser and the officials see it: plan, attendance, minutes and every decision with its duty's live status.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetMeeting(int MeetingId) : IQuery<MeetingDetail>, IMeetingScoped;

/// <summary>MayEdit: the caller may record attendance, minutes and decisions (the organiser's role in scope, not ministry staff).</summary>
public sealed record MeetingDetail(int Id, MeetingKind Kind, string Title, string Place, DateTimeOffset StartsAt, MeetingScope Scope, PlaceName ScopeName,
    int ProvinceId, int? CountyId, int? NeighbourhoodId, MeetingStatus Status, string OrganisedBy, IReadOnlyList<OrganisationRow> Organisations,
    IReadOnlyList<AgendaRow> Agenda, int? Attendees, string Minutes, bool MinutesPublic, DateTimeOffset? MinutesPublishedAt,
    IReadOnlyList<DecisionRow> Decisions, bool MayEdit, bool HasStarted, Guid Version);

public sealed record OrganisationRow(OrganisationKind Kind, int? AgencyId, PlaceName Name, bool Invited, bool Attended);

public sealed record AgendaRow(int Order, AgendaItemKind Kind, string Text, int? NeedId, int? DutyId);

/// <summary>A decision and, for an agency one once published, its duty as it stands now (the "what happened to what we decided" view).</summary>
public sealed record DecisionRow(int Id, int Number, DecisionKind Kind, string Title, string Details, PlaceName? Agency, PlaceName? Neighbourhood,
    DateOnly? DueDate, int? NeedId, string? NeedTitle, VolunteerSkill Skills, int? AmendsNumber, int? AmendedByNumber, DecisionDutyStatus? Duty);

/// <summary>The live status of a decision's duty. DoneOnTime: done by its due date.</summary>
public sealed record DecisionDutyStatus(int DutyId, DutyStatus Status, int Percent, DateOnly DueDate, bool IsOverdue, bool DoneOnTime, DateTimeOffset LastUpdate);

public sealed class GetMeetingHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users) : IQueryHandler<GetMeeting, MeetingDetail>
{
    public async ValueTask<MeetingDetail> Handle(GetMeeting query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organisations).Include(m => m.Agenda)
            .SingleOrDefaultAsync(m => m.Id == query.MeetingId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Meeting"));
        var agencyIds = meeting.Organisations.Select(o => o.AgencyId).OfType<int>().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new PlaceName(a.NameFa, a.NameEn), cancellationToken);
        var organiser = await users.NamesAsync([meeting.OrganisedByUserId], cancellationToken);
        var decisions = await db.OfMeetingsAsync([meeting.Id], clock.Today(), cancellationToken);

        return new MeetingDetail(meeting.Id, meeting.Kind, meeting.Title, meeting.Place, meeting.StartsAt, meeting.Scope,
            await db.ScopeNameAsync(meeting.ProvinceId, meeting.CountyId, meeting.NeighbourhoodId, cancellationToken),
            meeting.ProvinceId, meeting.CountyId, meeting.NeighbourhoodId, meeting.Status, organiser.GetValueOrDefault(meeting.OrganisedByUserId, "—"),
            [.. meeting.Organisations.OrderBy(o => o.Kind).ThenBy(o => o.Id).Select(o => new OrganisationRow(o.Kind, o.AgencyId,
                o.AgencyId is { } a ? agencies[a] : new PlaceName(o.Name ?? "", o.Name ?? ""), o.Invited, o.Attended))],
            [.. meeting.Agenda.OrderBy(a => a.Order).Select(a => new AgendaRow(a.Order, a.Kind, a.Text, a.NeedId, a.DutyId))],
            meeting.Attendees, meeting.Minutes, meeting.MinutesPublic, meeting.MinutesPublishedAt,
            decisions.GetValueOrDefault(meeting.Id) ?? [],
            // The pipeline found the caller reaches the meeting; the commands change it for the provincial officer, and for a
            // facilitator only if it is a neighbourhood meeting (MeetingLookup.EnsureMayChange). Ministry staff and admin read.
            MayEdit: user.Role == Role.ProvinceOfficer || user.Role == Role.Facilitator && meeting.Scope == MeetingScope.Neighbourhood,
            HasStarted: clock.GetUtcNow() >= meeting.StartsAt, meeting.Version);
    }
}
