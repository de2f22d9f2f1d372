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

/// <summary>The flags of the fixed lists taken one at a time, and the test that a value uses only known ones.</summary>
public static class VolunteerFlags
{
    public static readonly VolunteerSkill[] Skills = [.. Enum.GetValues<VolunteerSkill>().Where(s => s != VolunteerSkill.None)];
    public static readonly Weekdays[] Days = [.. Enum.GetValues<Weekdays>().Where(d => d != Weekdays.None)];

    private static readonly VolunteerSkill AllSkills = Skills.Aggregate(VolunteerSkill.None, (all, s) => all | s);
    private static readonly Weekdays AllDays = Days.Aggregate(Weekdays.None, (all, d) => all | d);

    public static bool IsKnown(VolunteerSkill skills) => (skills & ~AllSkills) == 0;

    public static bool IsKnown(Weekdays days) => (days & ~AllDays) == 0;

    public static IEnumerable<VolunteerSkill> Each(VolunteerSkill skills) => Skills.Where(s => skills.HasFlag(s));

    public static IEnumerable<Weekdays> Each(Weekdays days) => Days.Where(d => days.HasFlag(d));

    /// <summary>Counts the set bits, so overlap and availability can be compared.</summary>
    public static int Count(VolunteerSkill skills) => System.Numerics.BitOperations.PopCount((uint)skills);

    public static int Count(Weekdays days) => System.Numerics.BitOperations.PopCount((uint)days);
}
