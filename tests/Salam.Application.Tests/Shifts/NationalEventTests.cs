using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.CreateNationalEvent;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Commands.RecordAttendance;
using Salam.Application.Shifts.Common;
using Salam.Application.Shifts.Queries.GetNationalEvents;
using Salam.Domain.Audit;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>The 14 Bahman dialogue day: made once by the ministry, a shift at every centre of an active province.</summary>
public sealed class NationalEventTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private CreateNationalEvent Day(int inDays, string title = "روز گفت‌وگو", double hours = 3, int places = 10, VolunteerSkill skill = VolunteerSkill.None)
    {
        var starts = App.Clock.GetUtcNow().AddDays(inDays);
        return new CreateNationalEvent(title, "سالن مرکز", starts, starts.AddHours(hours), skill, places);
    }

    [Fact]
    public async Task The_ministry_creates_the_day_once_as_a_shift_at_every_centre_of_an_active_province_and_it_is_audited()
    {
        var p = await PlacesAsync(App);
        var ministry = await Ministry(App);
        // Mazandaran taken out of service: its centres hold no shift of a day made meanwhile.
        await App.ReadAsync(db => db.Provinces.Where(x => x.Id == p.Mazandaran).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        try
        {
            var created = await App.SendAsync<NationalEventCreated>(ministry, Day(30, places: 25));

            var centres = await App.ReadAsync(db => db.Centres.Where(c => c.ProvinceId != p.Mazandaran).Select(c => c.Id).OrderBy(id => id).ToListAsync());
            var shifts = await App.ReadAsync(db => db.Shifts.AsNoTracking().Where(s => s.NationalEventId == created.EventId).OrderBy(s => s.CentreId).ToListAsync());
            Assert.Equal(centres.Count, created.Shifts);
            Assert.Equal(centres, shifts.Select(s => s.CentreId));
            Assert.All(shifts, s => Assert.Equal(((int?)null, 25, "روز گفت‌وگو"), (s.NeighbourhoodId, s.Places, s.Title)));
            Assert.Contains(p.PardisanCentre, centres);
            Assert.DoesNotContain(p.SariCentre, centres);
            var audit = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "NationalEvent" && e.SubjectId == created.EventId).ToListAsync());
            Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);
            Assert.Equal(centres.Count, await App.ReadAsync(db => db.AuditEvents.CountAsync(e => e.Kind == "Shift" && shifts.Select(s => s.Id).Contains(e.SubjectId))));
        }
        finally
        {
            await App.ReadAsync(db => db.Provinces.Where(x => x.Id == p.Mazandaran).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, true)));
        }
    }

    [Fact]
    public async Task A_second_event_the_same_tehran_day_and_a_badly_described_one_are_refused_and_nothing_is_written()
    {
        var ministry = await Ministry(App);
        await App.SendAsync<NationalEventCreated>(ministry, Day(60));
        var before = await FingerprintAsync(App);

        var again = await Assert.ThrowsAnyAsync<RequestRefusedException>(async () => await App.SendAsync<NationalEventCreated>(ministry, Day(60, "روز دیگر", hours: 1)));
        Assert.Equal(Text.Get("Shift.EventExists"), again.Message);
        foreach (var (bad, key) in new[] { (Day(61, " "), "Shift.TitleRequired"), (Day(61, hours: 13), "Shift.TooLong"), (Day(61, places: 0), "Shift.PlacesOutOfRange"),
                     (Day(-1), "Shift.StartsInPast"), (Day(61, skill: VolunteerSkill.Arts | VolunteerSkill.Teaching), "Shift.SkillInvalid") })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<NationalEventCreated>(ministry, bad));
            Assert.Contains(Text.Get(key).Split('{')[0].Trim(), refused.Message);
        }
        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task A_centre_changes_only_its_own_place_and_places_on_the_day_and_the_ministry_sees_bookings_and_minutes()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var created = await App.SendAsync<NationalEventCreated>(await Ministry(App), Day(2, hours: 2));
        var shiftId = await App.ReadAsync(db => db.Shifts.Where(s => s.NationalEventId == created.EventId && s.CentreId == p.PardisanCentre).Select(s => s.Id).SingleAsync());
        var shift = await ReadShiftAsync(App, shiftId);
        var own = new ShiftDraft(shift.Title, "حسینیهٔ محله", shift.StartsAt, shift.EndsAt, shift.Skill, 40);

        var before = await FingerprintAsync(App);
        foreach (var draft in new[] { own with { Title = "عنوان دیگر" }, own with { StartsAt = shift.StartsAt.AddHours(1), EndsAt = shift.EndsAt.AddHours(1) },
                     own with { Skill = VolunteerSkill.Arts } })
        {
            var refused = await Assert.ThrowsAnyAsync<RequestRefusedException>(async () => await App.SendAsync<ShiftWritten>(facilitator, new ReviseShift(shiftId, shift.Version, draft)));
            Assert.Equal(Text.Get("Shift.NationalEventFixed"), refused.Message);
        }
        Assert.Equal(before, await FingerprintAsync(App));
        var revised = await App.SendAsync<ShiftWritten>(facilitator, new ReviseShift(shiftId, shift.Version, own));
        Assert.Equal(("حسینیهٔ محله", 40), ((await ReadShiftAsync(App, shiftId)).Place, (await ReadShiftAsync(App, shiftId)).Places));

        var (volunteer, principal) = await VolunteerAsync(App, p.Qods);
        var booked = await SignUpAsync(App, principal, shiftId);
        App.Clock.Advance(TimeSpan.FromDays(3));
        var bookingId = (await BookingsAsync(App, shiftId))[volunteer];
        await App.SendAsync<ShiftWritten>(facilitator, new RecordAttendance(shiftId, booked.Version, [new(bookingId, Attendance.Attended, 100)]));

        var line = Assert.Single(await App.SendAsync<IReadOnlyList<NationalEventLine>>(await Ministry(App), new GetNationalEvents()), l => l.EventId == created.EventId);
        Assert.Equal((created.Shifts, 1, 100, 10), (line.Shifts, line.Booked, line.AttendedMinutes, line.PlacesPerCentre));
        Assert.NotEqual(revised.Version, booked.Version);
    }
}
