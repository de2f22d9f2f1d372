using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Domain.Tests.Shifts;

public sealed class ShiftRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Now.AddDays(3);
    private static readonly DateTimeOffset End = Start.AddHours(4);
    private const int Pardisan = 5;
    private const int Qods = 6;

    private static Shift Planned(int places = 2, int? neighbourhood = Pardisan, ShiftLink? link = null) =>
        new(1, 2, neighbourhood, " پاکسازی بوستان ", " بوستان محله ", Start, End, VolunteerSkill.None, places, link ?? ShiftLink.None, null, 7, Now);

    private static Volunteer Ready(int id, int neighbourhood = Pardisan, VolunteerStatus status = VolunteerStatus.Active)
    {
        var volunteer = new Volunteer(100 + id, neighbourhood, VolunteerSkill.Teaching, 4, Weekdays.Saturday, null, 7, Now.AddDays(-30));
        if (status is VolunteerStatus.Contacted or VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Contacted, 7, Now.AddDays(-20));
        if (status == VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Active, 7, Now.AddDays(-10));
        if (status == VolunteerStatus.Inactive) volunteer.MoveTo(VolunteerStatus.Inactive, 7, Now.AddDays(-10));
        return WithId(volunteer, id);
    }

    // Ids come from the database; here they are set by hand so bookings can be told apart.
    private static T WithId<T>(T entity, int id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }

    private static ShiftBooking Book(Shift shift, Volunteer volunteer, bool served = true, bool overlaps = false) =>
        WithId(shift.Book(volunteer, served, overlaps, true, 9, Now), 1000 + volunteer.Id);

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_new_shift_keeps_its_trimmed_description_in_utc_and_a_fresh_version()
    {
        var tehran = TimeSpan.FromHours(3.5);
        var shift = new Shift(1, 2, null, " روز گفت‌وگو ", " سالن مرکز ", Start.ToOffset(tehran), End.ToOffset(tehran), VolunteerSkill.Counselling, 10,
            new ShiftLink(DutyId: 4), null, 7, Now);
        Assert.Equal(("روز گفت‌وگو", "سالن مرکز", Start, End, TimeSpan.Zero, (int?)4), (shift.Title, shift.Place, shift.StartsAt, shift.EndsAt, shift.StartsAt.Offset, shift.DutyId));
        Assert.NotEqual(Guid.Empty, shift.Version);
        Assert.Equal(240, shift.MaxMinutes);
    }

    [Fact]
    public void A_shift_with_two_links_in_the_past_without_title_or_place_too_long_or_of_many_skills_or_no_places_is_refused()
    {
        Refused("Shift.OneLink", () => Planned(link: new ShiftLink(DutyId: 1, NeedId: 2)));
        Refused("Shift.StartsInPast", () => new Shift(1, 2, null, "ن", "م", Now, Now.AddHours(1), VolunteerSkill.None, 1, ShiftLink.None, null, 7, Now));
        Shift Described(string title = "ن", string place = "م", DateTimeOffset? ends = null, VolunteerSkill skill = VolunteerSkill.None, int places = 1) =>
            new(1, 2, null, title, place, Start, ends ?? End, skill, places, ShiftLink.None, null, 7, Now);
        Refused("Shift.TitleRequired", () => Described(title: " "));
        Refused("Shift.TitleTooLong", () => Described(title: new string('ن', Shift.MaxTitleLength + 1)));
        Refused("Shift.PlaceRequired", () => Described(place: ""));
        Refused("Shift.PlaceTooLong", () => Described(place: new string('م', Shift.MaxPlaceLength + 1)));
        Refused("Shift.EndsBeforeStart", () => Described(ends: Start));
        Refused("Shift.TooLong", () => Described(ends: Start + Shift.MaxLength + TimeSpan.FromMinutes(1)));
        Refused("Shift.SkillInvalid", () => Described(skill: VolunteerSkill.Teaching | VolunteerSkill.Nursing));
        Refused("Shift.SkillInvalid", () => Described(skill: (VolunteerSkill)(1 << 30)));
        Refused("Shift.PlacesOutOfRange", () => Described(places: 0));
        Refused("Shift.PlacesOutOfRange", () => Described(places: Shift.MaxPlaces + 1));
        // The edges themselves are fine.
        Assert.Equal(Shift.MaxPlaces, Described(ends: Start + Shift.MaxLength, places: Shift.MaxPlaces).Places);
    }

    [Fact]
    public void Booking_fills_the_places_and_the_next_volunteer_hears_full()
    {
        var shift = Planned(places: 2);
        var version = shift.Version;
        Book(shift, Ready(1));
        Assert.NotEqual(version, shift.Version);
        Book(shift, Ready(2, status: VolunteerStatus.Contacted));
        Assert.True(shift.IsFull);
        Refused("Shift.Full", () => Book(shift, Ready(3)));
        Refused("Shift.AlreadyBooked", () => Book(shift, Ready(1)));
        Assert.Equal(2, shift.Booked);
    }

    [Fact]
    public void A_volunteer_not_ready_of_another_neighbourhood_with_an_overlapping_booking_or_after_the_start_is_refused()
    {
        var shift = Planned(places: 5);
        Refused("Shift.VolunteerNotReady", () => Book(shift, Ready(1, status: VolunteerStatus.Registered)));
        Refused("Shift.VolunteerNotReady", () => Book(shift, Ready(2, status: VolunteerStatus.Inactive)));
        var withdrawn = Ready(3);
        withdrawn.Withdraw(7, Now);
        Refused("Shift.VolunteerNotReady", () => Book(shift, withdrawn));
        // A shift of one neighbourhood takes its own volunteers, whatever else the centre serves.
        Refused("Shift.OtherNeighbourhood", () => Book(shift, Ready(4, Qods), served: true));
        Refused("Shift.Overlaps", () => Book(shift, Ready(5), overlaps: true));
        Refused("Shift.AlreadyStarted", () => shift.Book(Ready(6), true, false, true, 9, Start));
        Assert.Equal(0, shift.Booked);

        // A centre-wide shift takes a volunteer of any neighbourhood the centre serves, and no other.
        var open = Planned(neighbourhood: null);
        Book(open, Ready(7, Qods), served: true);
        Refused("Shift.OtherNeighbourhood", () => Book(open, Ready(8, 99), served: false));
    }

    [Fact]
    public void Leaving_frees_the_place_before_the_start_only()
    {
        var shift = Planned(places: 1);
        Book(shift, Ready(1));
        shift.Unbook(1, Now);
        Assert.False(shift.IsFull);
        Refused("Shift.NotBooked", () => shift.Unbook(1, Now));
        Book(shift, Ready(2));
        Refused("Shift.AlreadyStarted", () => shift.Unbook(2, Start));
        Assert.Equal(1, shift.Booked);
    }

    [Fact]
    public void Revising_keeps_places_at_or_above_the_booked_and_stops_once_attendance_is_recorded()
    {
        var shift = Planned(places: 3);
        Book(shift, Ready(1));
        Book(shift, Ready(2));
        Refused("Shift.PlacesBelowBooked", () => shift.Describe("ن", "م", Start, End, VolunteerSkill.None, 1));
        shift.Describe(" نوبت تازه ", "م", Start.AddHours(1), End.AddHours(1), VolunteerSkill.Teaching, 2);
        Assert.Equal(("نوبت تازه", 2, VolunteerSkill.Teaching), (shift.Title, shift.Places, shift.Skill));
        Refused("Shift.Stale", () => shift.EnsureSeen(Guid.NewGuid()));
        shift.EnsureSeen(shift.Version);

        shift.RecordAttendance([new(1001, Attendance.Attended, 60), new(1002, Attendance.NoShow, null)], 9, shift.EndsAt);
        Refused("Shift.AttendanceRecorded", () => shift.Describe("ن", "م", Start.AddHours(1), End.AddHours(1), VolunteerSkill.None, 5));
    }

    [Fact]
    public void Attendance_is_taken_only_after_the_end_for_every_booking_at_once_with_minutes_within_the_shift()
    {
        var shift = Planned(places: 3);
        Book(shift, Ready(1));
        Book(shift, Ready(2));
        AttendanceEntry[] good = [new(1001, Attendance.Attended, 240), new(1002, Attendance.NoShow, 0)];

        Refused("Shift.NotOver", () => shift.RecordAttendance(good, 9, End.AddMinutes(-1)));
        Refused("Shift.AttendanceIncomplete", () => shift.RecordAttendance([good[0]], 9, End));
        Refused("Shift.AttendanceIncomplete", () => shift.RecordAttendance([good[0], good[0]], 9, End));
        Refused("Shift.AttendanceIncomplete", () => shift.RecordAttendance([good[0], new(555, Attendance.NoShow, null)], 9, End));
        Refused("Shift.AttendanceIncomplete", () => shift.RecordAttendance([.. good, new(555, Attendance.NoShow, null)], 9, End));
        Refused("Shift.AttendanceInvalid", () => shift.RecordAttendance([good[0], new(1002, Attendance.Attended, 241)], 9, End));
        Refused("Shift.AttendanceInvalid", () => shift.RecordAttendance([good[0], new(1002, Attendance.Attended, 0)], 9, End));
        Refused("Shift.AttendanceInvalid", () => shift.RecordAttendance([good[0], new(1002, Attendance.Attended, null)], 9, End));
        Refused("Shift.AttendanceInvalid", () => shift.RecordAttendance([good[0], new(1002, Attendance.NoShow, 30)], 9, End));
        Refused("Shift.AttendanceInvalid", () => shift.RecordAttendance([good[0], new(1002, Attendance.Unrecorded, null)], 9, End));
        // The last row was bad, so the first (a good one) was not applied either: all or none.
        Assert.All(shift.Bookings, b => Assert.Equal((Attendance.Unrecorded, 0), (b.Attendance, b.Minutes)));
        Assert.Null(shift.AttendanceRecordedAt);

        shift.RecordAttendance(good, 9, End);
        Assert.Equal([(Attendance.Attended, 240), (Attendance.NoShow, 0)], shift.Bookings.OrderBy(b => b.Id).Select(b => (b.Attendance, b.Minutes)));
        Assert.Equal(End, shift.AttendanceRecordedAt);
        // A correction is a whole batch again.
        shift.RecordAttendance([new(1001, Attendance.NoShow, null), new(1002, Attendance.Attended, 90)], 9, End.AddHours(1));
        Assert.Equal([0, 90], shift.Bookings.OrderBy(b => b.Id).Select(b => b.Minutes));
    }

    [Fact]
    public void A_national_event_checks_its_description_and_makes_a_centre_wide_shift_for_each_centre()
    {
        var tehranNoon = new DateTimeOffset(2027, 2, 3, 9, 0, 0, TimeSpan.FromHours(3.5));
        var day = new NationalEvent(" روز گفت‌وگو ", " سالن مرکز ", tehranNoon, tehranNoon.AddHours(3), VolunteerSkill.None, 20, 3, Now);
        Assert.Equal((new DateOnly(2027, 2, 3), "روز گفت‌وگو", TimeSpan.Zero), (day.Day, day.Title, day.StartsAt.Offset));
        var shift = day.ShiftAt(12, 2, Now);
        Assert.Equal(((int?)null, 12, 2, 20, tehranNoon, tehranNoon.AddHours(3)), (shift.NeighbourhoodId, shift.CentreId, shift.ProvinceId, shift.Places, shift.StartsAt, shift.EndsAt));

        NationalEvent Made(string title = "ر", DateTimeOffset? starts = null, DateTimeOffset? ends = null, VolunteerSkill skill = VolunteerSkill.None, int places = 5) =>
            new(title, "م", starts ?? Start, ends ?? End, skill, places, 3, Now);
        Refused("Shift.TitleRequired", () => Made(title: ""));
        Refused("Shift.StartsInPast", () => Made(starts: Now.AddHours(-1), ends: Now.AddHours(1)));
        Refused("Shift.EndsBeforeStart", () => Made(ends: Start.AddMinutes(-5)));
        Refused("Shift.TooLong", () => Made(ends: Start.AddHours(13)));
        Refused("Shift.SkillInvalid", () => Made(skill: VolunteerSkill.Teaching | VolunteerSkill.Arts));
        Refused("Shift.PlacesOutOfRange", () => Made(places: 0));
    }
}
