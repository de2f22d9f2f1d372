using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Commands.RecordAttendance;
using Salam.Application.Shifts.Common;
using Salam.Application.Tests.Meetings.Commands;
using Salam.Application.Tests.Stories;
using Salam.Domain.Audit;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>Creating, revising, booking and recording attendance through the real pipeline, and every refusal leaving nothing written.</summary>
public sealed class ShiftCommandTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<RequestRefusedException> RefusedAsync<T>(System.Security.Claims.ClaimsPrincipal user, Mediator.IMessage request)
    {
        var before = await FingerprintAsync(App);
        var refused = await Assert.ThrowsAnyAsync<RequestRefusedException>(async () => await App.SendAsync<T>(user, request));
        Assert.Equal(before, await FingerprintAsync(App));
        return refused;
    }

    [Fact]
    public async Task A_facilitator_creates_a_shift_for_a_neighbourhood_of_their_centre_linked_to_its_duty_and_it_is_audited_with_its_province()
    {
        var p = await PlacesAsync(App);
        var duty = await StoryScene.DoneDutyAsync(App, p.Pardisan, "پاکسازی بوستان", done: false);
        var draft = Draft(App, skill: VolunteerSkill.Teaching, places: 4) with { Title = " روز پاکسازی " };

        var written = await CreateAsync(App, p.PardisanCentre, p.Pardisan, draft, new ShiftLink(DutyId: duty));

        var shift = await ReadShiftAsync(App, written.ShiftId);
        Assert.Equal(("روز پاکسازی", p.PardisanCentre, p.Qom, (int?)p.Pardisan, (int?)duty, VolunteerSkill.Teaching, 4, written.Version),
            (shift.Title, shift.CentreId, shift.ProvinceId, shift.NeighbourhoodId, shift.DutyId, shift.Skill, shift.Places, shift.Version));
        var events = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "Shift" && e.SubjectId == written.ShiftId).ToListAsync());
        Assert.Equal((AuditAction.Created, (int?)p.Qom), (Assert.Single(events).Action, events[0].ProvinceId));
    }

    public static TheoryData<string, double, double, int, VolunteerSkill, string> BadDrafts => new()
    {
        { "Shift.TitleRequired", 24, 3, 5, VolunteerSkill.None, " " },
        { "Shift.TitleTooLong", 24, 3, 5, VolunteerSkill.None, new string('ن', Shift.MaxTitleLength + 1) },
        { "Shift.StartsInPast", -1, 3, 5, VolunteerSkill.None, "نوبت" },
        { "Shift.StartsTooFar", 24 * 800, 3, 5, VolunteerSkill.None, "نوبت" },
        { "Shift.EndsBeforeStart", 24, -1, 5, VolunteerSkill.None, "نوبت" },
        { "Shift.TooLong", 24, 13, 5, VolunteerSkill.None, "نوبت" },
        { "Shift.PlacesOutOfRange", 24, 3, 0, VolunteerSkill.None, "نوبت" },
        { "Shift.PlacesOutOfRange", 24, 3, Shift.MaxPlaces + 1, VolunteerSkill.None, "نوبت" },
        { "Shift.SkillInvalid", 24, 3, 5, VolunteerSkill.Teaching | VolunteerSkill.Arts, "نوبت" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_shift_badly_described_is_refused_with_its_message_and_nothing_is_written(string key, double inHours, double hours, int places, VolunteerSkill skill, string title)
    {
        var p = await PlacesAsync(App);
        var draft = Draft(App, inHours, hours, places, skill, title);
        var refused = await RefusedAsync<ShiftWritten>(await Facilitator(App), new CreateShift(p.PardisanCentre, p.Pardisan, draft, ShiftLink.None));
        Assert.IsType<ValidationFailedException>(refused);
        Assert.Contains(Text.Get(key).Split('{')[0].Trim(), refused.Message);
    }

    [Fact]
    public async Task A_link_to_two_things_or_outside_the_shifts_place_and_a_neighbourhood_another_centre_serves_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var pardisanDuty = await StoryScene.DoneDutyAsync(App, p.Pardisan, done: false);
        var qodsDuty = await StoryScene.DoneDutyAsync(App, p.Qods, done: false);
        var safashahrDuty = await StoryScene.DoneDutyAsync(App, p.Safashahr, done: false);
        CreateShift Create(int? neighbourhood, ShiftLink link) => new(p.PardisanCentre, neighbourhood, Draft(App), link);

        Assert.Equal(Text.Get("Shift.OneLink"), (await RefusedAsync<ShiftWritten>(facilitator, Create(p.Pardisan, new ShiftLink(pardisanDuty, NeedId: 1)))).Message);
        // Shahrak-e Qods is the same centre's: in reach, but not the neighbourhood this shift is for.
        Assert.Equal(Text.Get("Shift.LinkOutsidePlace"), (await RefusedAsync<ShiftWritten>(facilitator, Create(p.Pardisan, new ShiftLink(qodsDuty)))).Message);
        // A centre-wide shift takes a duty of any neighbourhood the centre serves, never another centre's (that one is out of reach).
        Assert.IsType<ForbiddenException>(await RefusedAsync<ShiftWritten>(facilitator, Create(null, new ShiftLink(safashahrDuty))));
        Assert.IsType<ForbiddenException>(await RefusedAsync<ShiftWritten>(facilitator, Create(p.Safashahr, ShiftLink.None)));

        var open = await App.SendAsync<ShiftWritten>(facilitator, Create(null, new ShiftLink(qodsDuty)));
        Assert.Equal((int?)null, (await ReadShiftAsync(App, open.ShiftId)).NeighbourhoodId);
    }

    [Fact]
    public async Task A_decision_unpublished_or_of_another_neighbourhood_is_refused_and_a_published_one_of_the_place_is_taken()
    {
        var p = await MeetingScene.PlacesAsync(App);
        var s = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var draftDecision = await StoryScene.DecisionAsync(App, p, publish: false);
        var decision = await StoryScene.DecisionAsync(App, p);

        Assert.Equal(Text.Get("Shift.DecisionNotFound"),
            (await RefusedAsync<ShiftWritten>(facilitator, new CreateShift(s.PardisanCentre, s.Pardisan, Draft(App), new ShiftLink(MeetingDecisionId: draftDecision)))).Message);
        Assert.Equal(Text.Get("Shift.LinkOutsidePlace"),
            (await RefusedAsync<ShiftWritten>(facilitator, new CreateShift(s.PardisanCentre, s.Qods, Draft(App), new ShiftLink(MeetingDecisionId: decision)))).Message);
        var written = await CreateAsync(App, s.PardisanCentre, s.Pardisan, link: new ShiftLink(MeetingDecisionId: decision));
        Assert.Equal((int?)decision, (await ReadShiftAsync(App, written.ShiftId)).MeetingDecisionId);
    }

    [Fact]
    public async Task Revising_changes_the_description_and_refuses_a_stale_version_fewer_places_than_booked_and_a_move_into_the_past()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var written = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, places: 3));
        var (a, _) = await VolunteerAsync(App, p.Pardisan);
        var (b, _) = await VolunteerAsync(App, p.Pardisan);
        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(written.ShiftId, a));
        var booked = await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(written.ShiftId, b));

        Assert.Equal(Text.Get("Shift.Stale"), (await RefusedAsync<ShiftWritten>(facilitator, new ReviseShift(written.ShiftId, written.Version, Draft(App)))).Message);
        Assert.Equal(Text.Get("Shift.PlacesBelowBooked", 2),
            (await RefusedAsync<ShiftWritten>(facilitator, new ReviseShift(written.ShiftId, booked.Version, Draft(App, places: 1)))).Message);
        Assert.Equal(Text.Get("Shift.StartsInPast"),
            (await RefusedAsync<ShiftWritten>(facilitator, new ReviseShift(written.ShiftId, booked.Version, Draft(App, inHours: -2)))).Message);

        var revised = await App.SendAsync<ShiftWritten>(facilitator, new ReviseShift(written.ShiftId, booked.Version, Draft(App, inHours: 48, places: 2, title: "نوبت تازه")));
        var shift = await ReadShiftAsync(App, written.ShiftId);
        Assert.Equal(("نوبت تازه", 2, revised.Version), (shift.Title, shift.Places, shift.Version));
        Assert.NotEqual(booked.Version, revised.Version);
    }

    [Fact]
    public async Task Moving_a_shift_onto_a_time_a_booked_volunteer_is_busy_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var first = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 30));
        var second = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 60));
        var (volunteer, _) = await VolunteerAsync(App, p.Pardisan);
        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(first.ShiftId, volunteer));
        var booked = await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(second.ShiftId, volunteer));

        Assert.Equal(Text.Get("Shift.BookedVolunteerBusy"),
            (await RefusedAsync<ShiftWritten>(facilitator, new ReviseShift(second.ShiftId, booked.Version, Draft(App, inHours: 31)))).Message);
    }

    [Fact]
    public async Task A_volunteer_signs_up_and_leaves_and_is_refused_a_full_shift_an_overlapping_one_and_a_shift_of_another_neighbourhood()
    {
        var p = await PlacesAsync(App);
        var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 10, places: 1));
        var overlapping = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 11, places: 5));
        var qodsShift = await CreateAsync(App, p.PardisanCentre, p.Qods, Draft(App, inHours: 100));
        var (first, firstPrincipal) = await VolunteerAsync(App, p.Pardisan);
        var (_, second) = await VolunteerAsync(App, p.Pardisan, VolunteerStatus.Contacted);
        var (_, registered) = await VolunteerAsync(App, p.Pardisan, VolunteerStatus.Registered);

        var written = await SignUpAsync(App, firstPrincipal, shift.ShiftId);
        var booking = Assert.Single((await ReadShiftAsync(App, shift.ShiftId)).Bookings);
        Assert.Equal((first, true, written.Version), (booking.VolunteerId, booking.BySelf, (await ReadShiftAsync(App, shift.ShiftId)).Version));

        Assert.Equal(Text.Get("Shift.Full"), (await RefusedAsync<ShiftWritten>(second, new SignUpForShift(shift.ShiftId))).Message);
        Assert.Equal(Text.Get("Shift.Overlaps"), (await RefusedAsync<ShiftWritten>(firstPrincipal, new SignUpForShift(overlapping.ShiftId))).Message);
        Assert.Equal(Text.Get("Shift.VolunteerNotReady"), (await RefusedAsync<ShiftWritten>(registered, new SignUpForShift(overlapping.ShiftId))).Message);
        // Another neighbourhood's shift is out of a resident's reach altogether.
        Assert.IsType<ForbiddenException>(await RefusedAsync<ShiftWritten>(firstPrincipal, new SignUpForShift(qodsShift.ShiftId)));

        await App.SendAsync<ShiftWritten>(firstPrincipal, new LeaveShift(shift.ShiftId));
        Assert.Empty((await ReadShiftAsync(App, shift.ShiftId)).Bookings);
        Assert.Equal(Text.Get("Shift.NotBooked"), (await RefusedAsync<ShiftWritten>(firstPrincipal, new LeaveShift(shift.ShiftId))).Message);
        await SignUpAsync(App, second, shift.ShiftId);
        await SignUpAsync(App, firstPrincipal, overlapping.ShiftId);
    }

    [Fact]
    public async Task A_resident_who_never_offered_to_volunteer_cannot_sign_up_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan);
        var resident = await App.ResidentPrincipalAsync(await App.ReadAsync(db =>
            db.Residents.Where(r => r.NeighbourhoodId == p.Pardisan && !db.Volunteers.Any(v => v.ResidentId == r.Id)).Select(r => r.Mobile).FirstAsync()));

        Assert.Equal(Text.Get("Shift.NotAVolunteer"), (await RefusedAsync<ShiftWritten>(resident, new SignUpForShift(shift.ShiftId))).Message);
    }

    [Fact]
    public async Task The_facilitator_assigns_and_removes_and_is_refused_a_volunteer_of_another_neighbourhood_or_once_the_shift_started()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 2));
        var (pardisan, _) = await VolunteerAsync(App, p.Pardisan);
        var (qods, _) = await VolunteerAsync(App, p.Qods);

        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, pardisan));
        Assert.False(Assert.Single((await ReadShiftAsync(App, shift.ShiftId)).Bookings).BySelf);
        Assert.Equal(Text.Get("Shift.AlreadyBooked"), (await RefusedAsync<ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, pardisan))).Message);
        Assert.Equal(Text.Get("Shift.OtherNeighbourhood"), (await RefusedAsync<ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, qods))).Message);
        await App.SendAsync<ShiftWritten>(facilitator, new RemoveFromShift(shift.ShiftId, pardisan));
        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, pardisan));

        App.Clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(Text.Get("Shift.AlreadyStarted"), (await RefusedAsync<ShiftWritten>(facilitator, new RemoveFromShift(shift.ShiftId, pardisan))).Message);
    }

    [Fact]
    public async Task Attendance_is_recorded_for_everyone_at_once_after_the_end_and_a_bad_row_writes_none()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var shift = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 1, hours: 2));
        var (a, principalA) = await VolunteerAsync(App, p.Pardisan);
        var (b, principalB) = await VolunteerAsync(App, p.Qods);
        await SignUpAsync(App, principalA, shift.ShiftId);
        var booked = await SignUpAsync(App, principalB, shift.ShiftId);
        var bookings = await BookingsAsync(App, shift.ShiftId);
        AttendanceEntry[] good = [new(bookings[a], Attendance.Attended, 120), new(bookings[b], Attendance.NoShow, null)];

        Assert.Equal(Text.Get("Shift.NotOver"), (await RefusedAsync<ShiftWritten>(facilitator, new RecordAttendance(shift.ShiftId, booked.Version, good))).Message);
        App.Clock.Advance(TimeSpan.FromHours(3.5));
        Assert.Equal(Text.Get("Shift.AttendanceInvalid", 120), (await RefusedAsync<ShiftWritten>(facilitator,
            new RecordAttendance(shift.ShiftId, booked.Version, [good[0], new(bookings[b], Attendance.Attended, 121)]))).Message);
        Assert.Equal(Text.Get("Shift.AttendanceIncomplete"), (await RefusedAsync<ShiftWritten>(facilitator,
            new RecordAttendance(shift.ShiftId, booked.Version, [good[0]]))).Message);
        Assert.Equal(Text.Get("Shift.AttendanceIncomplete"), (await RefusedAsync<ShiftWritten>(facilitator,
            new RecordAttendance(shift.ShiftId, booked.Version, [good[0], good[0]]))).Message);
        Assert.IsType<ValidationFailedException>(await RefusedAsync<ShiftWritten>(facilitator,
            new RecordAttendance(shift.ShiftId, booked.Version, [good[0], new(bookings[b], Attendance.NoShow, 30)])));
        Assert.Equal(Text.Get("Shift.Stale"), (await RefusedAsync<ShiftWritten>(facilitator, new RecordAttendance(shift.ShiftId, Guid.NewGuid(), good))).Message);

        var recorded = await App.SendAsync<ShiftWritten>(facilitator, new RecordAttendance(shift.ShiftId, booked.Version, good));
        var saved = await ReadShiftAsync(App, shift.ShiftId);
        Assert.Equal([(a, Attendance.Attended, 120), (b, Attendance.NoShow, 0)],
            saved.Bookings.OrderBy(x => x.VolunteerId).Select(x => (x.VolunteerId, x.Attendance, x.Minutes)));
        Assert.NotNull(saved.AttendanceRecordedAt);
        Assert.Equal(Text.Get("Shift.AttendanceRecorded"),
            (await RefusedAsync<ShiftWritten>(facilitator, new ReviseShift(shift.ShiftId, recorded.Version, Draft(App, inHours: 1, hours: 2)))).Message);
    }
}
