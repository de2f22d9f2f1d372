using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Commands.RecordAttendance;
using Salam.Application.Meetings.Commands.WriteMinutes;
using Salam.Application.Meetings.Common;
using Salam.Domain.Meetings;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;

namespace Salam.Application.Tests.Meetings.Commands;

public sealed class AttendanceAndMinutesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task After_its_time_the_organiser_records_who_came_including_an_uninvited_group_and_writes_the_minutes()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await App.SendAsync<int>(facilitator, PardisanPlan(App, p));
        App.Clock.Advance(TimeSpan.FromHours(1));

        var imam = new OrganisationInput(OrganisationKind.Other, null, "هیئت امنای مسجد");
        await App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare), Representatives, imam], 23, await VersionAsync(App, id)));
        await App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "## مصوبات\n* کلاس", true, await VersionAsync(App, id)));

        var meeting = await App.ReadAsync(db => db.Meetings.AsNoTracking().Include(m => m.Organisations).SingleAsync(m => m.Id == id));
        Assert.Equal((MeetingStatus.Held, (int?)23, "## مصوبات\n* کلاس", true), (meeting.Status, meeting.Attendees, meeting.Minutes, meeting.MinutesPublic));
        Assert.Equal([(p.Welfare, true, true), (p.Municipality, true, false)], meeting.Organisations.Where(o => o.AgencyId != null)
            .OrderBy(o => o.AgencyId == p.Municipality).Select(o => (o.AgencyId!.Value, o.Invited, o.Attended)));
        Assert.Contains(meeting.Organisations, o => o is { Name: "هیئت امنای مسجد", Invited: false, Attended: true });
    }

    [Fact]
    public async Task Attendance_and_minutes_before_the_meetings_time_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await App.SendAsync<int>(facilitator, PardisanPlan(App, p));
        var version = await VersionAsync(App, id);
        var before = await FingerprintAsync(App);

        var attendance = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare)], 5, version)));
        Assert.Equal(Text.Get("Meeting.NotYetHeld"), attendance.Message);
        // Its time has come, but nobody has recorded that it was held: still no minutes.
        App.Clock.Advance(TimeSpan.FromHours(2));
        var minutes = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "متن", false, version)));
        Assert.Equal(Text.Get("Meeting.NotYetHeld"), minutes.Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Attendance_without_an_organisation_or_with_no_one_present_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await App.SendAsync<int>(facilitator, PardisanPlan(App, p));
        App.Clock.Advance(TimeSpan.FromHours(2));
        var version = await VersionAsync(App, id);
        var before = await FingerprintAsync(App);

        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [], 5, version)));
        Assert.Contains(Text.Get("Meeting.NoOrganisationAttended"), none.Message);
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare)], 0, version)));
        Assert.Contains(Text.Get("Meeting.AttendeesOutOfRange", 1, Meeting.MaxAttendees), empty.Message);
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare)], Meeting.MaxAttendees + 1, version)));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task An_uninvited_agency_from_another_province_is_not_recorded_as_attending_but_a_national_one_is()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await App.SendAsync<int>(facilitator, PardisanPlan(App, p));
        App.Clock.Advance(TimeSpan.FromHours(2));
        var before = await FingerprintAsync(App);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Unit>(facilitator,
            new RecordAttendance(id, [Agency(p.Welfare), Agency(p.MazandaranAgency)], 9, await VersionAsync(App, id))));
        Assert.Equal(before, await FingerprintAsync(App));

        await App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare), Agency(p.National)], 9, await VersionAsync(App, id)));
        Assert.True(await App.ReadAsync(db => db.Meetings.Where(m => m.Id == id).SelectMany(m => m.Organisations).AnyAsync(o => o.AgencyId == p.National && o.Attended && !o.Invited)));
    }

    [Fact]
    public async Task A_form_showing_an_older_version_is_refused_as_changed_meanwhile_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var seen = await VersionAsync(App, id);
        await App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "نسخهٔ همکار", false, seen));
        var before = await FingerprintAsync(App);

        // The first tab still shows the version before its colleague's save.
        var minutes = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "نسخهٔ من", false, seen)));
        Assert.Equal(Text.Get("Meeting.ChangedMeanwhile"), minutes.Message);
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare)], 3, seen)));

        Assert.Equal(before, await FingerprintAsync(App));
        Assert.Equal("نسخهٔ همکار", await App.ReadAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Minutes).SingleAsync()));
    }

    [Fact]
    public async Task A_facilitator_does_not_change_a_county_meeting_of_their_province_and_minutes_too_long_are_refused()
    {
        var p = await PlacesAsync(App);
        var officer = await App.PrincipalOfAsync("officer.qom");
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, officer, QomCountyPlan(App, p));
        var before = await FingerprintAsync(App);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "متن", true, await VersionAsync(App, id))));
        Assert.Equal(Text.Get("Meeting.FacilitatorNeighbourhoodOnly"), forbidden.Message);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Unit>(await App.PrincipalOfAsync("facilitator.sari"),
            new WriteMinutes(id, "متن", true, await VersionAsync(App, id))));
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<Unit>(officer, new WriteMinutes(id, new string('م', Meeting.MaxMinutesLength + 1), true, await VersionAsync(App, id))));
        Assert.Contains(Text.Get("Meeting.MinutesTooLong", Meeting.MaxMinutesLength), tooLong.Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }
}
