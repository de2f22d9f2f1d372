using Salam.Domain.Common;

namespace Salam.Domain.People;

/// <summary>Skills a volunteer can offer; a fixed list so facilitators can match people to work.</summary>
[Flags]
public enum VolunteerSkill
{
    None = 0,
    Medicine = 1 << 0,
    Nursing = 1 << 1,
    Counselling = 1 << 2,
    Teaching = 1 << 3,
    Rehabilitation = 1 << 4,
    ElderlyCare = 1 << 5,
    Childcare = 1 << 6,
    Law = 1 << 7,
    InformationTechnology = 1 << 8,
    Arts = 1 << 9,
    Sport = 1 << 10,
    BuildingAndRepair = 1 << 11,
    Cooking = 1 << 12,
    Driving = 1 << 13,
    Translation = 1 << 14,
    Administration = 1 << 15,
}

/// <summary>Days of the Iranian week, Saturday first.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Saturday = 1 << 0,
    Sunday = 1 << 1,
    Monday = 1 << 2,
    Tuesday = 1 << 3,
    Wednesday = 1 << 4,
    Thursday = 1 << 5,
    Friday = 1 << 6,
}

public enum VolunteerStatus { Registered = 0, Contacted = 1, Active = 2, Inactive = 3 }

/// <summary>A resident's offer to volunteer: skills, hours and days, moved along by the facilitator.</summary>
public sealed class Volunteer : Entity
{
    public const int MinHours = 1;
    public const int MaxHours = 80;

    private Volunteer() { }

    public Volunteer(int residentId, int neighbourhoodId, VolunteerSkill skills, int hoursPerWeek, Weekdays days, string? note, DateTimeOffset at)
    {
        if (skills == VolunteerSkill.None) throw new DomainException("Volunteer.SkillRequired");
        if (hoursPerWeek is < MinHours or > MaxHours) throw new DomainException("Volunteer.HoursOutOfRange", MinHours, MaxHours);
        ResidentId = residentId;
        NeighbourhoodId = neighbourhoodId;
        Skills = skills;
        HoursPerWeek = hoursPerWeek;
        Days = days;
        Note = note;
        RegisteredAt = at;
    }

    public int ResidentId { get; private set; }
    public Resident? Resident { get; private set; }
    public int NeighbourhoodId { get; private set; }
    public VolunteerSkill Skills { get; private set; }
    public int HoursPerWeek { get; private set; }
    public Weekdays Days { get; private set; }
    public string? Note { get; private set; }
    public VolunteerStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Registered → Contacted → Active; any of them → Inactive; Inactive → Contacted to bring someone back.</summary>
    public void MoveTo(VolunteerStatus next)
    {
        var allowed = (Status, next) switch
        {
            (VolunteerStatus.Registered, VolunteerStatus.Contacted) => true,
            (VolunteerStatus.Contacted, VolunteerStatus.Active) => true,
            (VolunteerStatus.Inactive, VolunteerStatus.Contacted) => true,
            (not VolunteerStatus.Inactive, VolunteerStatus.Inactive) => true,
            _ => false,
        };
        if (!allowed) throw new DomainException("Volunteer.IllegalTransition", Status, next);
        Status = next;
    }
}
