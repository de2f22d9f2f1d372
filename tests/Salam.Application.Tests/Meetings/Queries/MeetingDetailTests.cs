using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>
/// One meeting as its organiser and officials see it: a published Pardisan meeting whose first decision was amended, with its
/// duties' live status (one done on time, one overdue), read by every role that may and refused to every one that may not.
/// </summary>
public sealed class MeetingDetailTests(MeetingDetailTests.Meeting fixture) : IClassFixture<MeetingDetailTests.Meeting>
{
    public sealed class Meeting : IAsyncLifetime
    {
        public TestApp App { get; private set; } = default!;
        public ArrangedMeeting Published = default!;
        public int Amendment, AmendmentDuty, Planned, County;
        public DateTimeOffset DoneAt;

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync();
            var now = App.Clock.GetUtcNow();
            var today = App.Today();
            var pardisan = await App.NeighbourhoodAsync("Pardisan");
            var welfare = await App.AgencyAsync(WelfareDuties.Agency);
            var municipality = await App.AgencyAsync("Qom Municipality");
            var need = (await App.PublishedTopAsync(pardisan, 1))[0].NeedId;
            Published = await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, now.AddDays(-10),
                agencyIds: [await App.AgencyAsync("Pardisan Neighbourhood Cooperative")], title: "جلسهٔ هماهنگی پردیسان", decisions:
                [
                    MeetingArrange.AgencyDecision(welfare, pardisan, today.AddDays(-2), "کلاس مهارت‌آموزی"),
                    MeetingArrange.AgencyDecision(municipality, pardisan, today.AddDays(5), "روشنایی کوچه‌ها"),
                    new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلبان کلاس", "", null, null, null, need, VolunteerSkill.Teaching),
                ]);
            DoneAt = new DateTimeOffset(now.AddDays(-1).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero); // whole seconds: every provider keeps them
            await App.AdvanceDutyAsync(Published.DutyIds[1], DutyStatus.Done, DoneAt);
            var (amendment, duty) = await App.AmendAsync(Published.Id, Published.DecisionIds[0],
                MeetingArrange.AgencyDecision(welfare, pardisan, today.AddDays(7), "کلاس مهارت‌آموزی (اصلاح)"));
            (Amendment, AmendmentDuty) = (amendment, duty!.Value);
            Planned = (await App.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, pardisan)).Id;
            County = (await App.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.County, await App.CountyAsync("Qom"), organiser: "officer.qom")).Id;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private TestApp App => fixture.App;

    private async Task<MeetingDetail> AskAsync(string userName, int id) => await App.SendAsync<MeetingDetail>(await App.PrincipalOfAsync(userName), new GetMeeting(id));

    [Fact]
    public async Task The_meeting_shows_its_plan_attendance_minutes_and_each_decisions_duty_as_it_stands()
    {
        var meeting = await AskAsync("facilitator.pardisan", fixture.Published.Id);

        Assert.Equal(("جلسهٔ هماهنگی پردیسان", MeetingScope.Neighbourhood, "پردیسان", MeetingStatus.MinutesPublished),
            (meeting.Title, meeting.Scope, meeting.ScopeName.Fa, meeting.Status));
        Assert.Equal((await App.AccountAsync("facilitator.pardisan")).FullName, meeting.OrganisedBy);
        Assert.Equal((12, MeetingArrange.Minutes, true), (meeting.Attendees, meeting.Minutes, meeting.MinutesPublic));
        Assert.NotNull(meeting.MinutesPublishedAt);
        Assert.True(meeting.HasStarted);
        Assert.Contains(meeting.Organisations, o => o.Name.En == "Pardisan Neighbourhood Cooperative" && o.Invited && o.Attended);
        Assert.Contains(meeting.Organisations, o => o.Kind == OrganisationKind.ResidentsRepresentatives && o.Name.Fa == "نمایندگان ساکنان");
        Assert.Equal([1], meeting.Agenda.Select(a => a.Order));
        Assert.Equal(await App.ReadAsync(db => db.Meetings.Where(m => m.Id == fixture.Published.Id).Select(m => m.Version).SingleAsync()), meeting.Version);

        Assert.Equal([1, 2, 3, 4], meeting.Decisions.Select(d => d.Number));
        var (first, second, volunteers, amendment) = (meeting.Decisions[0], meeting.Decisions[1], meeting.Decisions[2], meeting.Decisions[3]);
        // The first is overdue (due two days ago, untouched) and amended by the fourth; both stay.
        Assert.Equal((WelfareDuties.Agency, "پردیسان", (int?)null, (int?)4), (first.Agency!.En, first.Neighbourhood!.Fa, first.AmendsNumber, first.AmendedByNumber));
        Assert.Equal((fixture.Published.DutyIds[0], DutyStatus.Assigned, true, false), (first.Duty!.DutyId, first.Duty.Status, first.Duty.IsOverdue, first.Duty.DoneOnTime));
        Assert.Equal((DutyStatus.Done, 100, false, true, fixture.DoneAt), (second.Duty!.Status, second.Duty.Percent, second.Duty.IsOverdue, second.Duty.DoneOnTime, second.Duty.LastUpdate));
        Assert.Equal((DecisionKind.VolunteerNeed, VolunteerSkill.Teaching, (DecisionDutyStatus?)null), (volunteers.Kind, volunteers.Skills, volunteers.Duty));
        Assert.NotNull(volunteers.NeedTitle);
        Assert.Equal(((int?)1, (int?)null, fixture.AmendmentDuty), (amendment.AmendsNumber, amendment.AmendedByNumber, amendment.Duty!.DutyId));
    }

    [Theory]
    [InlineData("facilitator.pardisan", true)]
    [InlineData("officer.qom", true)]
    [InlineData("ministry", false)]
    [InlineData("admin", false)]
    public async Task Only_the_organisers_roles_may_edit_officials_read(string userName, bool mayEdit) =>
        Assert.Equal(mayEdit, (await AskAsync(userName, fixture.Published.Id)).MayEdit);

    [Fact]
    public async Task A_facilitator_reads_their_provinces_county_meeting_but_may_not_edit_it()
    {
        var county = await AskAsync("facilitator.pardisan", fixture.County);

        Assert.False(county.MayEdit);
        Assert.True((await AskAsync("officer.qom", fixture.County)).MayEdit);
    }

    [Fact]
    public async Task A_planned_meeting_has_not_started_and_has_no_decisions()
    {
        var planned = await AskAsync("facilitator.pardisan", fixture.Planned);

        Assert.Equal((MeetingStatus.Planned, false, (int?)null), (planned.Status, planned.HasStarted, planned.Attendees));
        Assert.Empty(planned.Decisions);
    }

    [Theory]
    [InlineData("facilitator.sari")]
    [InlineData("officer.mazandaran")]
    [InlineData("agency.qom.welfare")]
    public async Task Another_centre_another_province_or_an_agency_manager_is_forbidden(string userName) =>
        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync(userName, fixture.Published.Id));

    [Fact]
    public async Task Another_centres_facilitator_is_forbidden_a_neighbourhood_meeting_of_their_own_province()
    {
        var safashahr = await App.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, await App.NeighbourhoodAsync("Safashahr"), organiser: "officer.qom");

        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync("facilitator.pardisan", safashahr.Id));
    }

    [Fact]
    public async Task A_resident_is_forbidden_a_meeting_even_of_their_own_neighbourhood() =>
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<MeetingDetail>(
            await App.ResidentPrincipalAsync(await App.ResidentMobileOfAsync(await App.NeighbourhoodAsync("Pardisan"))), new GetMeeting(fixture.Published.Id)));

    [Fact]
    public async Task A_meeting_that_does_not_exist_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => AskAsync("ministry", 987_654));
}
