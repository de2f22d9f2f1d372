using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Common;
using Salam.Domain.Duties;

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

/// <summary>DoneOnTime: done by its due date; PlacedVolunteers: for a volunteer decision, volunteers placed on its need.</summary>
public sealed record DecisionDutyStatus(int DutyId, DutyStatus Status, int Percent, DateOnly DueDate, bool IsOverdue, bool DoneOnTime, DateTimeOffset LastUpdate);

public sealed class GetMeetingHandler : IQueryHandler<GetMeeting, MeetingDetail>
{
    public ValueTask<MeetingDetail> Handle(GetMeeting query, CancellationToken cancellationToken) => throw new NotImplementedException("issue 15: filled in by the reads helper");
}
