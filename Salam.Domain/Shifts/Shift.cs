using Salam.Domain.Audit;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Domain.Shifts;

/// <summary>Whether a booked volunteer came: not yet recorded, attended (with minutes), or did not come.</summary>
public enum Attendance { Unrecorded = 0, Attended = 1, NoShow = 2 }

/// <summary>What a shift serves, if anything: one of a duty, a need, a campaign or a meeting's decision.</summary>
public sealed record ShiftLink(int? DutyId = null, int? NeedId = null, int? CampaignId = null, int? MeetingDecisionId = null)
{
    public static readonly ShiftLink None = new();

    public int Count => new[] { DutyId, NeedId, CampaignId, MeetingDecisionId }.Count(id => id is not null);
}

/// <summary>One booked volunteer's attendance as the facilitator records it after the shift.</summary>
public sealed record AttendanceEntry(int BookingId, Attendance Attendance, int? Minutes);

/// <summary>
/// A shift or event at a centre (the 14 Bahman dialogue day, a clean-up, a food-package day): a time, a place, the skill wanted
/// and a number of places. Volunteers of the centre's neighbourhoods (or of its one neighbourhood) who were contacted or are
/// active sign up or are assigned; after it ends the facilitator records everyone's attendance at once.
/// </summary>
public sealed class Shift : Entity, IAudited
{
    public const int MaxTitleLength = 150;
    public const int MaxPlaceLength = 200;
    public const int MaxPlaces = 500;
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(12);
    public const int MaxLengthMinutes = 12 * 60;

    private Shift() { }

    public Shift(int centreId, int provinceId, int? neighbourhoodId, string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt,
        VolunteerSkill skill, int places, ShiftLink link, int? nationalEventId, int createdByUserId, DateTimeOffset at)
    {
        if (link.Count > 1) throw new DomainException("Shift.OneLink");
        if (startsAt <= at) throw new DomainException("Shift.StartsInPast");
        CentreId = centreId;
        ProvinceId = provinceId;
        NeighbourhoodId = neighbourhoodId;
        DutyId = link.DutyId;
        NeedId = link.NeedId;
        CampaignId = link.CampaignId;
        MeetingDecisionId = link.MeetingDecisionId;
        NationalEventId = nationalEventId;
        CreatedByUserId = createdByUserId;
        CreatedAt = at;
        Describe(title, place, startsAt, endsAt, skill, places);
    }

    public int CentreId { get; private set; }
    public int ProvinceId { get; private set; }

    /// <summary>None: open to volunteers of every neighbourhood the centre serves.</summary>
    public int? NeighbourhoodId { get; private set; }
    public string Title { get; private set; } = "";
    public string Place { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>One skill wanted, or <see cref="VolunteerSkill.None"/> for anyone.</summary>
    public VolunteerSkill Skill { get; private set; }
    public int Places { get; private set; }
    public int? DutyId { get; private set; }
    public int? NeedId { get; private set; }
    public int? CampaignId { get; private set; }
    public int? MeetingDecisionId { get; private set; }

    /// <summary>Set on the shifts a national event made, one per centre.</summary>
    public int? NationalEventId { get; private set; }
    public int CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every booking: two sign-ups for the last place cannot both land.</summary>
    public Guid Version { get; private set; }
    public List<ShiftBooking> Bookings { get; private set; } = [];

    public int Booked => Bookings.Count;
    public bool IsFull => Booked >= Places;
    public bool HasEnded(DateTimeOffset now) => EndsAt <= now;
    public int MaxMinutes => (int)Math.Ceiling((EndsAt - StartsAt).TotalMinutes);

    public void EnsureSeen(Guid version)
    {
        if (version != Version) throw new DomainException("Shift.Stale");
    }

    /// <summary>Changes the time, place, skill or places; never below the volunteers already booked.</summary>
    public void Describe(string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt, VolunteerSkill skill, int places)
    {
        EnsureDescribable(title, place, startsAt, endsAt, skill, places);
        if (places < Booked) throw new DomainException("Shift.PlacesBelowBooked", Booked);
        if (AttendanceRecordedAt is not null) throw new DomainException("Shift.AttendanceRecorded");
        Title = title.Trim();
        Place = place.Trim();
        // Kept in UTC: SQLite compares instants as numbers (ticks with the offset), so one offset everywhere keeps overlaps right.
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Skill = skill;
        Places = places;
        Version = Guid.NewGuid();
    }

    /// <summary>The rules of a shift's description alone, which a national event's shifts must all pass before any is made.</summary>
    public static void EnsureDescribable(string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt, VolunteerSkill skill, int places)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Shift.TitleRequired");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("Shift.TitleTooLong", MaxTitleLength);
        if (string.IsNullOrWhiteSpace(place)) throw new DomainException("Shift.PlaceRequired");
        if (place.Trim().Length > MaxPlaceLength) throw new DomainException("Shift.PlaceTooLong", MaxPlaceLength);
        if (endsAt <= startsAt) throw new DomainException("Shift.EndsBeforeStart");
        if (endsAt - startsAt > MaxLength) throw new DomainException("Shift.TooLong", (int)MaxLength.TotalHours);
        // One skill or none: a shift asks for one kind of help, and its hours are counted under that skill.
        if (skill != VolunteerSkill.None && (!VolunteerFlags.IsKnown(skill) || VolunteerFlags.Count(skill) != 1)) throw new DomainException("Shift.SkillInvalid");
        if (places is < 1 or > MaxPlaces) throw new DomainException("Shift.PlacesOutOfRange", 1, MaxPlaces);
    }

    /// <summary>
    /// Books a volunteer: one who was contacted or is active, of the shift's neighbourhood (or, for a centre-wide shift, of one
    /// the centre serves: <paramref name="servedByCentre"/>), before the shift starts, while there is a place, and when none of
    /// their other bookings overlaps it (<paramref name="overlapsAnother"/>, which the handler reads).
    /// </summary>
    public ShiftBooking Book(Volunteer volunteer, bool servedByCentre, bool overlapsAnother, bool bySelf, int byUserId, DateTimeOffset at)
    {
        if (StartsAt <= at) throw new DomainException("Shift.AlreadyStarted");
        if (volunteer.IsWithdrawn || volunteer.Status is not (VolunteerStatus.Contacted or VolunteerStatus.Active)) throw new DomainException("Shift.VolunteerNotReady");
        var livesThere = NeighbourhoodId is { } only ? volunteer.NeighbourhoodId == only : servedByCentre;
        if (!livesThere) throw new DomainException("Shift.OtherNeighbourhood");
        if (Bookings.Any(b => b.VolunteerId == volunteer.Id)) throw new DomainException("Shift.AlreadyBooked");
        if (IsFull) throw new DomainException("Shift.Full");
        if (overlapsAnother) throw new DomainException("Shift.Overlaps");
        var booking = new ShiftBooking(volunteer.Id, bySelf, byUserId, at);
        Bookings.Add(booking);
        Version = Guid.NewGuid();
        volunteer.TookShift();
        return booking;
    }

    /// <summary>A volunteer leaves (or is taken off) a shift that has not started.</summary>
    public void Unbook(int volunteerId, DateTimeOffset at)
    {
        if (StartsAt <= at) throw new DomainException("Shift.AlreadyStarted");
        var booking = Bookings.SingleOrDefault(b => b.VolunteerId == volunteerId) ?? throw new DomainException("Shift.NotBooked");
        Bookings.Remove(booking);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Records every booking's attendance at once, after the shift ended: all entries are checked before any is applied, so the
    /// batch lands whole or not at all. It may be recorded again (a correction) while it stays whole.
    /// </summary>
    public void RecordAttendance(IReadOnlyCollection<AttendanceEntry> entries, int byUserId, DateTimeOffset at)
    {
        if (!HasEnded(at)) throw new DomainException("Shift.NotOver");
        if (entries.Count != Bookings.Count || entries.Select(e => e.BookingId).Distinct().Count() != entries.Count
            || entries.Any(e => Bookings.All(b => b.Id != e.BookingId)))
            throw new DomainException("Shift.AttendanceIncomplete");
        foreach (var entry in entries)
        {
            var fits = entry.Attendance switch
            {
                Attendance.Attended => entry.Minutes is { } minutes && minutes >= 1 && minutes <= MaxMinutes,
                Attendance.NoShow => entry.Minutes is null or 0,
                _ => false,
            };
            if (!fits) throw new DomainException("Shift.AttendanceInvalid", MaxMinutes);
        }
        foreach (var entry in entries) Bookings.Single(b => b.Id == entry.BookingId).Record(entry.Attendance, entry.Minutes ?? 0, byUserId, at);
        AttendanceRecordedAt = at;
        Version = Guid.NewGuid();
    }
}

/// <summary>A volunteer on a shift, and after it whether they came and for how many minutes.</summary>
public sealed class ShiftBooking : Entity
{
    private ShiftBooking() { }

    internal ShiftBooking(int volunteerId, bool bySelf, int byUserId, DateTimeOffset at)
    {
        VolunteerId = volunteerId;
        BySelf = bySelf;
        BookedByUserId = byUserId;
        BookedAt = at;
    }

    public int ShiftId { get; private set; }
    public int VolunteerId { get; private set; }

    /// <summary>Signed up by the volunteer, as against assigned by the facilitator.</summary>
    public bool BySelf { get; private set; }
    public int BookedByUserId { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public Attendance Attendance { get; private set; }

    /// <summary>Minutes worked; 0 unless attended.</summary>
    public int Minutes { get; private set; }
    public int? RecordedByUserId { get; private set; }

    internal void Record(Attendance attendance, int minutes, int byUserId, DateTimeOffset at)
    {
        Attendance = attendance;
        Minutes = attendance == Attendance.Attended ? minutes : 0;
        RecordedByUserId = byUserId;
        _ = at;
    }
}
