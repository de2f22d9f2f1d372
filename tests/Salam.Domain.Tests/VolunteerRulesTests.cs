using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Domain.Tests;

public sealed class VolunteerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private const int Resident = 50, Facilitator = 7;

    private static Volunteer NewVolunteer(int neighbourhoodId = 1) =>
        new(3, neighbourhoodId, VolunteerSkill.Nursing | VolunteerSkill.Driving, 6, Weekdays.Saturday | Weekdays.Monday, " شب‌ها هم می‌توانم ", Resident, Now);

    private static Duty OpenDuty(int neighbourhoodId = 1) =>
        new(1, neighbourhoodId, null, "مراقبت از سالمندان", "", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(30), Facilitator, Now);

    [Fact]
    public void A_sign_up_starts_registered_and_records_who_signed_up_and_when()
    {
        var volunteer = NewVolunteer();

        Assert.Equal(VolunteerStatus.Registered, volunteer.Status);
        Assert.Equal("شب‌ها هم می‌توانم", volunteer.Note);
        var first = Assert.Single(volunteer.StatusChanges);
        Assert.Equal((null, VolunteerStatus.Registered, Resident, Now), (first.From, first.To, first.ByUserId, first.At));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(81)]
    [InlineData(-3)]
    public void Hours_outside_one_to_eighty_are_refused(int hours)
    {
        var refused = Assert.Throws<DomainException>(() => new Volunteer(3, 1, VolunteerSkill.Law, hours, Weekdays.Friday, null, Resident, Now));
        Assert.Equal("Volunteer.HoursOutOfRange", refused.Code);
    }

    [Fact]
    public void A_skill_outside_the_fixed_list_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => new Volunteer(3, 1, VolunteerSkill.Law | (VolunteerSkill)(1 << 20), 4, Weekdays.Friday, null, Resident, Now));
        Assert.Equal("Volunteer.SkillUnknown", refused.Code);
    }

    [Fact]
    public void Every_status_change_is_kept_with_from_to_who_and_when()
    {
        var volunteer = NewVolunteer();
        volunteer.MoveTo(VolunteerStatus.Contacted, Facilitator, Now.AddDays(1));
        volunteer.MoveTo(VolunteerStatus.Active, Facilitator, Now.AddDays(2));

        Assert.Equal([(null, VolunteerStatus.Registered), (VolunteerStatus.Registered, VolunteerStatus.Contacted), (VolunteerStatus.Contacted, VolunteerStatus.Active)],
            volunteer.StatusChanges.Select(c => (c.From, c.To)));
        Assert.Equal(Facilitator, volunteer.StatusChanges[^1].ByUserId);
    }

    [Fact]
    public void A_registered_volunteer_cannot_skip_being_contacted()
    {
        var volunteer = NewVolunteer();
        Assert.Equal("Volunteer.IllegalTransition", Assert.Throws<DomainException>(() => volunteer.MoveTo(VolunteerStatus.Active, Facilitator, Now)).Code);
        Assert.Single(volunteer.StatusChanges);
    }

    [Fact]
    public void A_withdrawn_volunteer_is_inactive_cannot_be_edited_or_contacted_but_can_rejoin()
    {
        var volunteer = NewVolunteer();
        volunteer.Withdraw(Resident, Now.AddDays(1));

        Assert.Equal(VolunteerStatus.Inactive, volunteer.Status);
        Assert.Equal("Volunteer.Withdrawn", Assert.Throws<DomainException>(() => volunteer.Revise(VolunteerSkill.Law, 2, Weekdays.Friday, null)).Code);
        Assert.Equal("Volunteer.Withdrawn", Assert.Throws<DomainException>(() => volunteer.MoveTo(VolunteerStatus.Contacted, Facilitator, Now)).Code);

        volunteer.Rejoin(VolunteerSkill.Law, 2, Weekdays.Friday, null, Resident, Now.AddDays(3));
        Assert.Equal(VolunteerStatus.Registered, volunteer.Status);
        Assert.False(volunteer.IsWithdrawn);
    }

    [Fact]
    public void Placing_a_contacted_volunteer_makes_them_active()
    {
        var volunteer = NewVolunteer();
        volunteer.MoveTo(VolunteerStatus.Contacted, Facilitator, Now);

        var placement = Placement.OnDuty(volunteer, OpenDuty(), Facilitator, Now.AddHours(1));

        Assert.Equal(VolunteerStatus.Active, volunteer.Status);
        Assert.Equal((Facilitator, Now.AddHours(1)), (placement.PlacedByUserId, placement.PlacedAt));
    }

    [Fact]
    public void A_volunteer_not_yet_contacted_is_not_placed()
    {
        Assert.Equal("Placement.VolunteerNotContacted", Assert.Throws<DomainException>(() => Placement.OnDuty(NewVolunteer(), OpenDuty(), Facilitator, Now)).Code);
    }

    [Theory]
    [InlineData(DutyStatus.Done)]
    [InlineData(DutyStatus.Declined)]
    public void A_closed_duty_takes_no_volunteers(DutyStatus closed)
    {
        var volunteer = NewVolunteer();
        volunteer.MoveTo(VolunteerStatus.Contacted, Facilitator, Now);
        var duty = OpenDuty();
        if (closed == DutyStatus.Done) duty.Advance(DutyStatus.Accepted, 0, null, 9, Now);
        duty.Advance(closed, 100, "ظرفیت نداریم", 9, Now);

        Assert.Equal("Placement.DutyClosed", Assert.Throws<DomainException>(() => Placement.OnDuty(volunteer, duty, Facilitator, Now)).Code);
        Assert.Equal(VolunteerStatus.Contacted, volunteer.Status);
    }

    [Fact]
    public void A_volunteer_is_not_placed_in_another_neighbourhood_nor_on_a_need_not_approved()
    {
        var volunteer = NewVolunteer(neighbourhoodId: 1);
        volunteer.MoveTo(VolunteerStatus.Contacted, Facilitator, Now);
        var need = new Need(1, "کلاس قرآن", "", NeedCategory.Education, null, null, Now);

        Assert.Equal("Placement.OtherNeighbourhood", Assert.Throws<DomainException>(() => Placement.OnDuty(volunteer, OpenDuty(neighbourhoodId: 2), Facilitator, Now)).Code);
        Assert.Equal("Placement.NeedNotApproved", Assert.Throws<DomainException>(() => Placement.OnNeed(volunteer, need, Facilitator, Now)).Code);
        Assert.Equal(VolunteerStatus.Contacted, volunteer.Status);
    }
}
