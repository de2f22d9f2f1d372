using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Domain.Tests;

/// <summary>The fit ranking on hand-worked cases: relevant skills first, then days free, then hours.</summary>
public sealed class VolunteerFitTests
{
    private sealed record Offer(string Name, VolunteerSkill Skills, Weekdays Days, int Hours);

    private static IReadOnlyList<string> Rank(NeedCategory category, params Offer[] offers) =>
        [.. VolunteerRanking.Rank(offers, o => (o.Skills, o.Days, o.Hours), VolunteerRanking.SkillsFor(category)).Select(r => r.Candidate.Name)];

    [Fact]
    public void For_elderly_care_a_nurse_who_drives_beats_a_nurse_who_beats_a_teacher()
    {
        // Elderly care wants ElderlyCare, Nursing, Medicine, Cooking, Driving.
        var ranked = Rank(NeedCategory.ElderlyCare,
            new Offer("teacher", VolunteerSkill.Teaching, Weekdays.Saturday | Weekdays.Sunday | Weekdays.Monday, 40),
            new Offer("nurse", VolunteerSkill.Nursing | VolunteerSkill.Teaching, Weekdays.Saturday, 4),
            new Offer("nurse-driver", VolunteerSkill.Nursing | VolunteerSkill.Driving, Weekdays.Friday, 2));

        Assert.Equal(["nurse-driver", "nurse", "teacher"], ranked);
    }

    [Fact]
    public void With_the_same_skills_more_free_days_win_then_more_hours()
    {
        var ranked = Rank(NeedCategory.Health,
            new Offer("one-day-many-hours", VolunteerSkill.Medicine, Weekdays.Monday, 30),
            new Offer("three-days", VolunteerSkill.Medicine, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday, 3),
            new Offer("three-days-more-hours", VolunteerSkill.Medicine, Weekdays.Saturday | Weekdays.Sunday | Weekdays.Thursday, 10));

        Assert.Equal(["three-days-more-hours", "three-days", "one-day-many-hours"], ranked);
    }

    [Fact]
    public void Equal_fits_keep_the_order_they_came_in()
    {
        var ranked = Rank(NeedCategory.Safety,
            new Offer("first", VolunteerSkill.Law, Weekdays.Monday, 5),
            new Offer("second", VolunteerSkill.Counselling, Weekdays.Friday, 5));

        Assert.Equal(["first", "second"], ranked);
    }

    [Fact]
    public void The_fit_counts_only_the_relevant_skills()
    {
        var fit = VolunteerFit.Of(VolunteerSkill.Teaching | VolunteerSkill.Arts | VolunteerSkill.Cooking, Weekdays.Saturday | Weekdays.Friday, 8,
            VolunteerRanking.SkillsFor(NeedCategory.YouthTalent));

        Assert.Equal(new VolunteerFit(MatchedSkills: 2, Days: 2, Hours: 8), fit);
    }

    [Fact]
    public void Every_need_category_calls_for_some_skills()
    {
        Assert.All(Enum.GetValues<NeedCategory>(), c => Assert.NotEqual(VolunteerSkill.None, VolunteerRanking.SkillsFor(c)));
    }
}
