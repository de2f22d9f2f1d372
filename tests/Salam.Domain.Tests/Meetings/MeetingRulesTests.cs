using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;

namespace Salam.Domain.Tests.Meetings;

public sealed class MeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Now.AddDays(2);
    private static readonly DateOnly Today = ProgrammeCalendar.DayOf(Start);

    private static MeetingOrganisation Welfare => new(OrganisationKind.Agency, 11, null);

    private static Meeting Planned(int? neighbourhood = 5) => new(MeetingKind.NeighbourhoodCoordination, " جلسهٔ پردیسان ", "مرکز", Start, 1, 2, neighbourhood,
        [Welfare, new MeetingOrganisation(OrganisationKind.ResidentsRepresentatives, null, " نمایندگان ")],
        [new AgendaItem(AgendaItemKind.TopNeed, 40, null, "نیاز"), new AgendaItem(AgendaItemKind.Free, null, null, "گزارش")], 7, Now);

    private static Meeting Held(int? neighbourhood = 5)
    {
        var meeting = Planned(neighbourhood);
        meeting.RecordAttendance([Welfare], 10, Start.AddHours(1));
        return meeting;
    }

    private static DecisionDraft Duty(int agency = 11, int? neighbourhood = null) => new(DecisionKind.AgencyDuty, "کلاس", "", agency, neighbourhood, Today.AddDays(10), null);

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_planned_meeting_keeps_its_scope_invitations_and_numbered_agenda()
    {
        var meeting = Planned();
        Assert.Equal((MeetingStatus.Planned, MeetingScope.Neighbourhood, "جلسهٔ پردیسان"), (meeting.Status, meeting.Scope, meeting.Title));
        Assert.Equal([1, 2], meeting.Agenda.Select(a => a.Order));
        Assert.All(meeting.Organisations, o => Assert.True(o.Invited && !o.Attended));
        Assert.Equal(MeetingScope.Province, new Meeting(MeetingKind.ParticipationCouncil, "شورا", "استانداری", Start, 1, null, null, [Welfare], [], 7, Now).Scope);
    }

    [Fact]
    public void Planning_in_the_past_without_an_invitation_with_an_organisation_twice_or_a_neighbourhood_without_its_county_is_refused()
    {
        Refused("Meeting.StartsInPast", () => new Meeting(MeetingKind.NeighbourhoodCoordination, "ج", "م", Now.AddMinutes(-1), 1, 2, 5, [Welfare], [], 7, Now));
        Refused("Meeting.NoOrganisationInvited", () => new Meeting(MeetingKind.NeighbourhoodCoordination, "ج", "م", Start, 1, 2, 5, [], [], 7, Now));
        Refused("Meeting.OrganisationTwice", () => new Meeting(MeetingKind.NeighbourhoodCoordination, "ج", "م", Start, 1, 2, 5, [Welfare, Welfare], [], 7, Now));
        Refused("Meeting.ScopeInvalid", () => new Meeting(MeetingKind.NeighbourhoodCoordination, "ج", "م", Start, 1, null, 5, [Welfare], [], 7, Now));
        Refused("Meeting.AgendaItemInvalid", () => new AgendaItem(AgendaItemKind.LateDuty, null, null, "وظیفه"));
        Refused("Meeting.OrganisationNameRequired", () => new MeetingOrganisation(OrganisationKind.Other, null, " "));
    }

    [Fact]
    public void Attendance_waits_for_the_meetings_time_and_needs_an_organisation_and_people()
    {
        var meeting = Planned();
        Refused("Meeting.NotYetHeld", () => meeting.RecordAttendance([Welfare], 10, Start.AddMinutes(-1)));
        Refused("Meeting.NoOrganisationAttended", () => meeting.RecordAttendance([], 10, Start));
        Refused("Meeting.AttendeesOutOfRange", () => meeting.RecordAttendance([Welfare], 0, Start));
        Refused("Meeting.OrganisationTwice", () => meeting.RecordAttendance([Welfare, Welfare], 3, Start));
        Assert.Equal(MeetingStatus.Planned, meeting.Status);

        var guest = new MeetingOrganisation(OrganisationKind.Other, null, "هیئت امنا");
        meeting.RecordAttendance([Welfare, guest], 10, Start);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal([(true, true), (true, false), (false, true)], meeting.Organisations.Select(o => (o.Invited, o.Attended)));
    }

    [Fact]
    public void Minutes_and_decisions_come_only_once_the_meeting_is_held()
    {
        var meeting = Planned();
        Refused("Meeting.NotYetHeld", () => meeting.WriteMinutes("متن", true));
        Refused("Meeting.NotYetHeld", () => meeting.Decide(Duty(), 7, Start));
        Refused("Meeting.NotYetHeld", () => meeting.PublishMinutes(Start));
    }

    [Fact]
    public void A_decision_of_a_neighbourhood_meeting_is_for_its_neighbourhood_and_needs_what_its_kind_needs()
    {
        var meeting = Held();
        var first = meeting.Decide(Duty(), 7, Start);
        var second = meeting.Decide(new DecisionDraft(DecisionKind.Resolution, "قرار", "", 11, null, Today.AddDays(3), null), 7, Start);
        Assert.Equal((1, (int?)5), (first.Number, first.NeighbourhoodId));
        // A resolution names no agency and no due date, whatever the form sent.
        Assert.Equal((2, (int?)null, (DateOnly?)null), (second.Number, second.AgencyId, second.DueDate));

        Refused("Meeting.DecisionOutsideScope", () => meeting.Decide(Duty(neighbourhood: 6), 7, Start));
        Refused("Decision.AgencyRequired", () => meeting.Decide(Duty() with { AgencyId = null }, 7, Start));
        Refused("Decision.DueDateRequired", () => meeting.Decide(Duty() with { DueDate = null }, 7, Start));
        Refused("Duty.DueDateInPast", () => meeting.Decide(Duty() with { DueDate = Today.AddDays(-1) }, 7, Start));
        Refused("Decision.NeedRequired", () => meeting.Decide(new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلب", "", null, null, null, null, VolunteerSkill.Teaching), 7, Start));
        Refused("Decision.SkillRequired", () => meeting.Decide(new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلب", "", null, null, null, 40), 7, Start));
        Refused("Decision.NeighbourhoodRequired", () => Held(neighbourhood: null).Decide(Duty(), 7, Start));
        Assert.Equal(2, meeting.Decisions.Count);
    }

    [Fact]
    public void Publishing_needs_minutes_returns_the_agency_decisions_and_freezes_the_minutes()
    {
        var meeting = Held();
        var duty = meeting.Decide(Duty(), 7, Start);
        meeting.Decide(new DecisionDraft(DecisionKind.Resolution, "قرار", "", null, null, null, null), 7, Start);
        Refused("Meeting.MinutesRequired", () => meeting.PublishMinutes(Start));

        meeting.WriteMinutes("## صورتجلسه", true);
        Assert.Equal([duty], meeting.PublishMinutes(Start.AddHours(3)));
        Assert.Equal(MeetingStatus.MinutesPublished, meeting.Status);

        Refused("Meeting.AlreadyPublished", () => meeting.WriteMinutes("دیگر", false));
        Refused("Meeting.AlreadyPublished", () => meeting.Decide(Duty(), 7, Start));
        Refused("Meeting.AlreadyPublished", () => meeting.RemoveDecision(duty.Id));
        Refused("Meeting.AlreadyPublished", () => meeting.RecordAttendance([Welfare], 3, Start));
        Refused("Meeting.AlreadyPublished", () => meeting.PublishMinutes(Start));
        Assert.Equal(2, meeting.Decisions.Count);
    }

    [Fact]
    public void An_agency_decision_becomes_its_duty_once_and_a_resolution_never()
    {
        var meeting = Held();
        var decision = meeting.Decide(Duty() with { NeedId = 40, Details = "شرح" }, 7, Start);
        var resolution = meeting.Decide(new DecisionDraft(DecisionKind.Resolution, "قرار", "", null, null, null, null), 7, Start);

        var duty = decision.BecameDuty(9, Start);
        Assert.Equal((11, 5, (int?)40, "کلاس", "شرح", Today.AddDays(10), DutyStatus.Assigned), (duty.AgencyId, duty.NeighbourhoodId, duty.NeedId, duty.Title, duty.Description, duty.DueDate, duty.Status));
        Assert.Same(duty, decision.Duty);
        Refused("Decision.AlreadyADuty", () => decision.BecameDuty(9, Start));
        Refused("Decision.NotADuty", () => resolution.BecameDuty(9, Start));
    }

    [Fact]
    public void Only_a_published_decision_is_amended_by_a_new_one_and_both_stay()
    {
        var meeting = Held();
        var original = meeting.Decide(Duty(), 7, Start);
        Refused("Meeting.AmendOnlyPublished", () => meeting.Amend(original.Id, Duty(12), 7, Start));
        meeting.WriteMinutes("متن", false);
        meeting.PublishMinutes(Start);

        Refused("Meeting.DecisionNotFound", () => meeting.Amend(original.Id + 99, Duty(12), 7, Start));
        var amendment = meeting.Amend(original.Id, Duty(12), 7, Start);
        Assert.Equal((2, (int?)original.Id, (int?)12), (amendment.Number, amendment.AmendsDecisionId, amendment.AgencyId));
        Assert.Equal([original, amendment], meeting.Decisions);
    }

    [Fact]
    public void A_draft_decision_is_removed_and_an_unknown_one_is_not_found()
    {
        var meeting = Held();
        var decision = meeting.Decide(Duty(), 7, Start);
        Refused("Meeting.DecisionNotFound", () => meeting.RemoveDecision(decision.Id + 1));
        meeting.RemoveDecision(decision.Id);
        Assert.Empty(meeting.Decisions);
    }
}
