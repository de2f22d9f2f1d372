using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Paging;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.RecordAttendance;
using Salam.Application.Shifts.Common;
using Salam.Application.Shifts.Queries.GetMyShifts;
using Salam.Application.Shifts.Queries.GetShift;
using Salam.Application.Shifts.Queries.GetShiftChoices;
using Salam.Application.Shifts.Queries.GetShifts;
using Salam.Application.Tests.Stories;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>What the shift pages read: a centre's coming and past shifts, one shift's bookings and who may still be put on it, a volunteer's own page, and hours on the roster.</summary>
public sealed class ShiftQueryTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_shift_page_lists_its_bookings_and_only_ready_free_volunteers_of_its_place_as_assignable()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var duty = await StoryScene.DoneDutyAsync(App, p.Pardisan, "تعمیر نیمکت‌ها", done: false);
        var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 500), new ShiftLink(DutyId: duty));
        var busyElsewhere = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 501));
        var (booked, _) = await VolunteerAsync(App, p.Pardisan);
        var (free, _) = await VolunteerAsync(App, p.Pardisan, VolunteerStatus.Contacted);
        var (busy, _) = await VolunteerAsync(App, p.Pardisan);
        var (registered, _) = await VolunteerAsync(App, p.Pardisan, VolunteerStatus.Registered);
        var (qods, _) = await VolunteerAsync(App, p.Qods);
        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, booked));
        await App.SendAsync<ShiftWritten>(facilitator, new AssignToShift(busyElsewhere.ShiftId, busy));

        var page = await App.SendAsync<ShiftPage>(facilitator, new GetShift(shift.ShiftId));

        Assert.Equal(("تعمیر نیمکت‌ها", p.PardisanCentre, false, 1, "Pardisan"), (page.LinkTitle, page.CentreId, page.HasEnded, page.Line.Booked, page.Line.Neighbourhood!.En));
        Assert.Equal(booked, Assert.Single(page.Bookings).VolunteerId);
        var assignable = page.Assignable.Select(v => v.VolunteerId).ToList();
        Assert.Contains(free, assignable);
        Assert.DoesNotContain(booked, assignable);
        Assert.DoesNotContain(busy, assignable);
        Assert.DoesNotContain(registered, assignable);
        Assert.DoesNotContain(qods, assignable);
        // Every one offered is really ready and of the shift's neighbourhood: the list agrees with the rules Book applies.
        var offered = await App.ReadAsync(db => db.Volunteers.Where(v => assignable.Contains(v.Id)).Select(v => new { v.NeighbourhoodId, v.Status, v.WithdrawnAt }).ToListAsync());
        Assert.All(offered, v => Assert.True(v.NeighbourhoodId == p.Pardisan && v.WithdrawnAt == null && v.Status is VolunteerStatus.Contacted or VolunteerStatus.Active));
    }

    [Fact]
    public async Task A_centres_list_shows_coming_shifts_soonest_first_and_past_ones_latest_first_with_bookings_and_minutes()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var later = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 30, title: "دیرتر"));
        var sooner = await CreateAsync(App, p.PardisanCentre, p.Qods, Draft(App, inHours: 2, hours: 1, title: "زودتر"));
        var (volunteer, principal) = await VolunteerAsync(App, p.Qods);
        var booked = await SignUpAsync(App, principal, sooner.ShiftId);

        var coming = await App.SendAsync<IReadOnlyList<ShiftLine>>(facilitator, new GetShifts(p.PardisanCentre));
        var ours = coming.Where(l => l.ShiftId == sooner.ShiftId || l.ShiftId == later.ShiftId).ToList();
        Assert.Equal([sooner.ShiftId, later.ShiftId], ours.Select(l => l.ShiftId));
        Assert.Equal((1, "Shahrak-e Qods", false), (ours[0].Booked, ours[0].Neighbourhood!.En, ours[0].National));
        Assert.Null(ours[1].Neighbourhood);
        Assert.Equal(coming.OrderBy(l => l.StartsAt).ThenBy(l => l.ShiftId).Select(l => l.ShiftId), coming.Select(l => l.ShiftId));

        App.Clock.Advance(TimeSpan.FromHours(4));
        var bookingId = (await BookingsAsync(App, sooner.ShiftId))[volunteer];
        await App.SendAsync<ShiftWritten>(facilitator, new RecordAttendance(sooner.ShiftId, booked.Version, [new(bookingId, Attendance.Attended, 45)]));
        var past = await App.SendAsync<IReadOnlyList<ShiftLine>>(facilitator, new GetShifts(p.PardisanCentre, Past: true));
        var line = Assert.Single(past, l => l.ShiftId == sooner.ShiftId);
        Assert.Equal((true, 45), (line.AttendanceRecorded, line.AttendedMinutes));
        Assert.DoesNotContain(later.ShiftId, past.Select(l => l.ShiftId));
        Assert.DoesNotContain(sooner.ShiftId, (await App.SendAsync<IReadOnlyList<ShiftLine>>(facilitator, new GetShifts(p.PardisanCentre))).Select(l => l.ShiftId));
        Assert.Equal(past.OrderByDescending(l => l.StartsAt).ThenByDescending(l => l.ShiftId).Select(l => l.ShiftId), past.Select(l => l.ShiftId));
    }

    [Fact]
    public async Task The_choices_hold_the_centres_neighbourhoods_their_open_duties_and_approved_needs_and_published_decisions_only()
    {
        var p = await PlacesAsync(App);
        var open = await StoryScene.DoneDutyAsync(App, p.Qods, "کار باز", done: false);
        var done = await StoryScene.DoneDutyAsync(App, p.Pardisan, "کار تمام‌شده");
        var elsewhere = await StoryScene.DoneDutyAsync(App, p.Safashahr, "کار صفاشهر", done: false);

        var choices = await App.SendAsync<ShiftChoices>(await Facilitator(App), new GetShiftChoices(p.PardisanCentre));

        Assert.Equal([p.Pardisan, p.Qods], choices.Neighbourhoods.Select(n => n.NeighbourhoodId).Order());
        Assert.Contains(open, choices.Duties.Select(d => d.Id));
        Assert.DoesNotContain(done, choices.Duties.Select(d => d.Id));
        Assert.DoesNotContain(elsewhere, choices.Duties.Select(d => d.Id));
        var needs = choices.Needs.Select(n => n.Id).ToList();
        var fit = await App.ReadAsync(db => db.Needs.Where(n => needs.Contains(n.Id)).Select(n => new { n.NeighbourhoodId, n.Status }).ToListAsync());
        Assert.All(fit, n => Assert.True(n.Status == Domain.Needs.NeedStatus.Approved && (n.NeighbourhoodId == p.Pardisan || n.NeighbourhoodId == p.Qods)));
    }

    [Fact]
    public async Task A_volunteer_sees_open_booked_and_past_shifts_and_hours_of_the_last_90_days_which_the_roster_shows_too()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var (volunteer, principal) = await VolunteerAsync(App, p.Pardisan);
        var old = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 1, hours: 2));
        var oldBooking = await SignUpAsync(App, principal, old.ShiftId);
        App.Clock.Advance(TimeSpan.FromHours(4));
        await App.SendAsync<ShiftWritten>(facilitator, new RecordAttendance(old.ShiftId, oldBooking.Version,
            [new((await BookingsAsync(App, old.ShiftId))[volunteer], Attendance.Attended, 90)]));
        // Ninety-one days on, that shift no longer counts as recent.
        App.Clock.Advance(TimeSpan.FromDays(91));
        var recent = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 1, hours: 1));
        var recentBooking = await SignUpAsync(App, principal, recent.ShiftId);
        App.Clock.Advance(TimeSpan.FromHours(3));
        await App.SendAsync<ShiftWritten>(facilitator, new RecordAttendance(recent.ShiftId, recentBooking.Version,
            [new((await BookingsAsync(App, recent.ShiftId))[volunteer], Attendance.Attended, 50)]));
        var coming = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 10));
        var open = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 50, places: 2));
        await SignUpAsync(App, principal, coming.ShiftId);

        var mine = await App.SendAsync<MyShifts>(principal, new GetMyShifts());

        Assert.Equal((true, true, 50, 140), (mine.IsVolunteer, mine.MaySignUp, mine.MinutesLast90Days, mine.MinutesTotal));
        Assert.Equal(coming.ShiftId, Assert.Single(mine.Booked).ShiftId);
        Assert.Equal([recent.ShiftId, old.ShiftId], mine.Past.Select(s => s.ShiftId));
        Assert.Equal((Attendance.Attended, 50), (mine.Past[0].Attendance, mine.Past[0].Minutes));
        var openLine = Assert.Single(mine.Open, s => s.ShiftId == open.ShiftId);
        Assert.Equal(2, openLine.PlacesLeft);
        Assert.DoesNotContain(coming.ShiftId, mine.Open.Select(s => s.ShiftId));

        var roster = await App.SendAsync<VolunteerRoster>(facilitator, new GetVolunteerRoster(new RosterFilter(NeighbourhoodId: p.Pardisan), PageSize: Paging.MaxPageSize));
        Assert.Equal(50, Assert.Single(roster.Volunteers, v => v.Id == volunteer).MinutesLast90Days);
        Assert.All(roster.Volunteers.Where(v => v.Id != volunteer), v => Assert.Equal(0, v.MinutesLast90Days));
    }

    [Fact]
    public async Task A_resident_without_an_offer_or_not_yet_contacted_sees_no_open_shift()
    {
        var p = await PlacesAsync(App);
        await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 5));
        var (_, registered) = await VolunteerAsync(App, p.Pardisan, VolunteerStatus.Registered);
        var stranger = await App.ResidentPrincipalAsync(await App.ReadAsync(db =>
            db.Residents.Where(r => r.NeighbourhoodId == p.Pardisan && !db.Volunteers.Any(v => v.ResidentId == r.Id)).Select(r => r.Mobile).FirstAsync()));

        var none = await App.SendAsync<MyShifts>(stranger, new GetMyShifts());
        var waiting = await App.SendAsync<MyShifts>(registered, new GetMyShifts());

        Assert.Equal((false, false, 0), (none.IsVolunteer, none.MaySignUp, none.Open.Count));
        Assert.Equal((true, false, 0), (waiting.IsVolunteer, waiting.MaySignUp, waiting.Open.Count));
    }
}
