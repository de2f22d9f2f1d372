using Salam.Domain.Needs;

namespace Salam.Domain.People;

/// <summary>How well a volunteer fits a piece of work: relevant skills first, then days free, then hours offered.</summary>
public readonly record struct VolunteerFit(int MatchedSkills, int Days, int Hours) : IComparable<VolunteerFit>
{
    /// <summary>Higher is better; compared in order, so one more relevant skill outweighs any amount of time.</summary>
    public int CompareTo(VolunteerFit other) =>
        MatchedSkills != other.MatchedSkills ? MatchedSkills.CompareTo(other.MatchedSkills)
        : Days != other.Days ? Days.CompareTo(other.Days)
        : Hours.CompareTo(other.Hours);

    public static VolunteerFit Of(VolunteerSkill offered, Weekdays days, int hours, VolunteerSkill wanted) =>
        new(VolunteerFlags.Count(offered & wanted), VolunteerFlags.Count(days), hours);
}

/// <summary>Ranks the volunteers of a neighbourhood for a duty or a need; pure, so it is tested by hand-worked cases.</summary>
public static class VolunteerRanking
{
    /// <summary>The skills each kind of need calls for; a duty calls for those of its need.</summary>
    public static VolunteerSkill SkillsFor(NeedCategory category) => category switch
    {
        NeedCategory.CommunityRehabilitation => VolunteerSkill.Rehabilitation | VolunteerSkill.Nursing | VolunteerSkill.Medicine | VolunteerSkill.Counselling | VolunteerSkill.Driving,
        NeedCategory.YouthTalent => VolunteerSkill.Teaching | VolunteerSkill.Arts | VolunteerSkill.Sport | VolunteerSkill.Childcare | VolunteerSkill.InformationTechnology,
        NeedCategory.ElderlyCare => VolunteerSkill.ElderlyCare | VolunteerSkill.Nursing | VolunteerSkill.Medicine | VolunteerSkill.Cooking | VolunteerSkill.Driving,
        NeedCategory.Health => VolunteerSkill.Medicine | VolunteerSkill.Nursing | VolunteerSkill.Counselling,
        NeedCategory.Education => VolunteerSkill.Teaching | VolunteerSkill.Translation | VolunteerSkill.InformationTechnology | VolunteerSkill.Childcare,
        NeedCategory.Livelihood => VolunteerSkill.Administration | VolunteerSkill.InformationTechnology | VolunteerSkill.Law | VolunteerSkill.BuildingAndRepair | VolunteerSkill.Cooking,
        NeedCategory.EnvironmentAndUrban => VolunteerSkill.BuildingAndRepair | VolunteerSkill.Driving | VolunteerSkill.Administration,
        NeedCategory.Safety => VolunteerSkill.Law | VolunteerSkill.Counselling | VolunteerSkill.Medicine | VolunteerSkill.Driving,
        NeedCategory.SocialCohesion => VolunteerSkill.Counselling | VolunteerSkill.Arts | VolunteerSkill.Sport | VolunteerSkill.Cooking | VolunteerSkill.Administration,
        _ => VolunteerSkill.None,
    };

    /// <summary>Best fit first; equal fits keep their given order (earlier sign-ups first), so the ranking is stable.</summary>
    public static IReadOnlyList<(T Candidate, VolunteerFit Fit)> Rank<T>(IEnumerable<T> candidates, Func<T, (VolunteerSkill Skills, Weekdays Days, int Hours)> offerOf, VolunteerSkill wanted) =>
        [.. candidates
            .Select(c => { var o = offerOf(c); return (Candidate: c, Fit: VolunteerFit.Of(o.Skills, o.Days, o.Hours, wanted)); })
            .OrderByDescending(x => x.Fit)];
}
