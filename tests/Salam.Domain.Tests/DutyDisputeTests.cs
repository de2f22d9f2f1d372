using Salam.Domain.Common;
using Salam.Domain.Duties;

namespace Salam.Domain.Tests;

public sealed class DutyDisputeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Duty DoneDuty()
    {
        var duty = new Duty(1, 1, null, "روشنایی کوچه‌ها", "", ProgrammeCalendar.DayOf(Now).AddDays(10), 7, Now);
        duty.Advance(DutyStatus.Accepted, 0, null, 9, Now);
        duty.Advance(DutyStatus.Done, 100, null, 9, Now.AddDays(1));
        return duty;
    }

    [Fact]
    public void Every_Done_starts_a_new_completion_round()
    {
        var duty = new Duty(1, 1, null, "روشنایی", "", ProgrammeCalendar.DayOf(Now).AddDays(10), 7, Now);
        Assert.Equal(0, duty.CompletionRound);
        duty.Advance(DutyStatus.Accepted, 0, null, 9, Now);
        duty.Advance(DutyStatus.Done, 100, null, 9, Now);
        Assert.Equal(1, duty.CompletionRound);
        duty.Dispute(0, "انجام نشده", Now.AddDays(2));
        Assert.Equal(1, duty.CompletionRound);
        duty.Advance(DutyStatus.Done, 100, "دوباره بررسی شد و انجام شده است.", 9, Now.AddDays(3));
        Assert.Equal(2, duty.CompletionRound);
    }

    [Fact]
    public void A_disputed_duty_is_open_again_can_fall_overdue_and_its_timeline_says_why()
    {
        var duty = DoneDuty();
        var version = duty.Version;
        duty.Dispute(0, "  ساکنان گفتند انجام نشده است.  ", Now.AddDays(2));

        Assert.Equal(DutyStatus.Disputed, duty.Status);
        Assert.True(duty.IsOpen);
        Assert.True(duty.IsOverdueOn(duty.DueDate.AddDays(1)));
        Assert.False(duty.CompletedOnTime);
        Assert.NotEqual(version, duty.Version);
        Assert.Equal((DutyStatus.Done, DutyStatus.Disputed, "ساکنان گفتند انجام نشده است."), (duty.Updates[^1].From, duty.Updates[^1].To, duty.Updates[^1].Note));
        Assert.DoesNotContain(DutyStatus.Disputed, Duty.FinishedStatuses);
    }

    [Theory]
    [InlineData(DutyStatus.Assigned)]
    [InlineData(DutyStatus.InProgress)]
    public void Only_a_Done_duty_can_be_disputed(DutyStatus status)
    {
        var duty = new Duty(1, 1, null, "روشنایی", "", ProgrammeCalendar.DayOf(Now).AddDays(10), 7, Now);
        if (status == DutyStatus.InProgress)
        {
            duty.Advance(DutyStatus.Accepted, 0, null, 9, Now);
            duty.Advance(DutyStatus.InProgress, 10, null, 9, Now);
        }
        var steps = duty.Updates.Count;
        Assert.Equal("Duty.IllegalTransition", Assert.Throws<DomainException>(() => duty.Dispute(0, "انجام نشده", Now)).Code);
        Assert.Equal((status, steps), (duty.Status, duty.Updates.Count));
    }

    [Fact]
    public void A_disputed_duty_cannot_be_disputed_again()
    {
        var duty = DoneDuty();
        duty.Dispute(0, "انجام نشده", Now);
        Assert.Equal("Duty.IllegalTransition", Assert.Throws<DomainException>(() => duty.Dispute(0, "باز هم", Now)).Code);
    }

    [Theory]
    [InlineData(DutyStatus.InProgress)]
    [InlineData(DutyStatus.Done)]
    public void The_agency_answers_a_dispute_only_with_a_note(DutyStatus to)
    {
        var duty = DoneDuty();
        duty.Dispute(0, "انجام نشده", Now);
        Assert.Equal("Duty.DisputeAnswerRequired", Assert.Throws<DomainException>(() => duty.Advance(to, 60, " ", 9, Now)).Code);
        Assert.Equal(DutyStatus.Disputed, duty.Status);

        duty.Advance(to, 60, "کار از سر گرفته شد.", 9, Now.AddDays(1));
        Assert.Equal(to, duty.Status);
        Assert.Equal(to == DutyStatus.Done ? 100 : 60, duty.PercentComplete); // taking it up again may admit less than 100
    }

    [Theory]
    [InlineData(DutyStatus.Blocked)]
    [InlineData(DutyStatus.Declined)]
    [InlineData(DutyStatus.Accepted)]
    public void A_disputed_duty_goes_back_only_to_work_or_to_done(DutyStatus to)
    {
        var duty = DoneDuty();
        duty.Dispute(0, "انجام نشده", Now);
        Assert.Equal("Duty.IllegalTransition", Assert.Throws<DomainException>(() => duty.Advance(to, 50, "دلیل", 9, Now)).Code);
    }
}
