using Salam.Domain.Audit;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Domain.Shifts;

/// <summary>
/// A nationwide volunteer day (the 14 Bahman dialogue day, seed 002), created once by ministry staff: it becomes one shift at
/// every centre taking part. One event per day: creating it again the same day is refused, so a double submit makes no second set.
/// </summary>
public sealed class NationalEvent : Entity, IAudited
{
    public const int MaxTitleLength = Shift.MaxTitleLength;
    public const int MaxPlaceLength = Shift.MaxPlaceLength;

    private NationalEvent() { }

    public NationalEvent(string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt, VolunteerSkill skill, int placesPerCentre,
        int createdByUserId, DateTimeOffset at)
    {
        // Checked here, before any centre's shift is made from it, so a bad event never becomes a half-made set of shifts.
        Shift.EnsureDescribable(title, place, startsAt, endsAt, skill, placesPerCentre);
        if (startsAt <= at) throw new DomainException("Shift.StartsInPast");
        Title = title.Trim();
        Place = place.Trim();
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Day = ProgrammeCalendar.DayOf(startsAt);
        Skill = skill;
        PlacesPerCentre = placesPerCentre;
        CreatedByUserId = createdByUserId;
        CreatedAt = at;
    }

    public string Title { get; private set; } = "";

    /// <summary>Where at each centre, e.g. "the centre's hall"; a centre's facilitator may change their own shift's place.</summary>
    public string Place { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The event's day in Tehran; unique.</summary>
    public DateOnly Day { get; private set; }
    public VolunteerSkill Skill { get; private set; }
    public int PlacesPerCentre { get; private set; }
    public int CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The event's shift at one centre (time, skill and places validated there); made once the event is saved and has its id.</summary>
    public Shift ShiftAt(int centreId, int provinceId, DateTimeOffset at) =>
        new(centreId, provinceId, null, Title, Place, StartsAt, EndsAt, Skill, PlacesPerCentre, ShiftLink.None, Id, CreatedByUserId, at);
}
