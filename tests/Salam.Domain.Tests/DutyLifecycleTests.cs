using Salam.Domain.Common;
using Salam.Domain.Duties;

namespace Salam.Domain.Tests;

public sealed class DutyLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Duty NewDuty() => new(1, 1, null, "روشنایی کوچه‌ها", "", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(10), 7, Now);

    [Fact]
    public void A_duty_moves_from_assigned_to_done_and_keeps_every_step_in_its_timeline()
    {
        var duty = NewDuty();
        duty.Advance(DutyStatus.Accepted, 0, null, 9, Now.AddHours(1));
        duty.Advance(DutyStatus.InProgress, 30, "آغاز کار", 9, Now.AddHours(2));
        duty.Advance(DutyStatus.Done, 80, null, 9, Now.AddHours(3));

        Assert.Equal(DutyStatus.Done, duty.Status);
        Assert.Equal(100, duty.PercentComplete);
        Assert.Equal([DutyStatus.Assigned, DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Done], duty.Updates.Select(u => u.To));
    }

    [Theory]
    [InlineData(DutyStatus.Done)]
    [InlineData(DutyStatus.InProgress)]
    [InlineData(DutyStatus.Blocked)]
    [InlineData(DutyStatus.Assigned)]
    public void An_assigned_duty_can_only_be_accepted_or_declined(DutyStatus to)
    {
        var duty = NewDuty();
        var refused = Assert.Throws<DomainException>(() => duty.Advance(to, 10, "x", 9, Now));
        Assert.Equal("Duty.IllegalTransition", refused.Code);
        Assert.Single(duty.Updates);
    }

    /// <summary>The whole table: every (from, to) pair of the lifecycle, the legal ones and the refused ones.</summary>
    private static readonly (DutyStatus From, DutyStatus To)[] Legal =
    [
        (DutyStatus.Assigned, DutyStatus.Accepted), (DutyStatus.Assigned, DutyStatus.Declined),
        (DutyStatus.Accepted, DutyStatus.InProgress), (DutyStatus.Accepted, DutyStatus.Blocked), (DutyStatus.Accepted, DutyStatus.Done),
        (DutyStatus.InProgress, DutyStatus.InProgress), (DutyStatus.InProgress, DutyStatus.Blocked), (DutyStatus.InProgress, DutyStatus.Done),
        (DutyStatus.Blocked, DutyStatus.InProgress),
    ];

    public static TheoryData<DutyStatus, DutyStatus> EveryPair()
    {
        var pairs = new TheoryData<DutyStatus, DutyStatus>();
        foreach (var from in Enum.GetValues<DutyStatus>())
            foreach (var to in Enum.GetValues<DutyStatus>()) pairs.Add(from, to);
        return pairs;
    }

    /// <summary>A duty brought to a status through legal steps only.</summary>
    private static Duty DutyIn(DutyStatus status)
    {
        var duty = NewDuty();
        DutyStatus[] path = status switch
        {
            DutyStatus.Assigned => [],
            DutyStatus.Declined => [DutyStatus.Declined],
            DutyStatus.Accepted => [DutyStatus.Accepted],
            DutyStatus.InProgress => [DutyStatus.Accepted, DutyStatus.InProgress],
            DutyStatus.Blocked => [DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Blocked],
            DutyStatus.Done => [DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Done],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path) duty.Advance(step, 20, "دلیل", 9, Now);
        return duty;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_transition_is_either_taken_onto_the_timeline_or_refused_leaving_the_duty_as_it_was(DutyStatus from, DutyStatus to)
    {
        var duty = DutyIn(from);
        var steps = duty.Updates.Count;
        var legal = Legal.Contains((from, to));
        Assert.Equal(legal, Duty.IsLegal(from, to));

        if (legal)
        {
            duty.Advance(to, 50, "دلیل", 9, Now.AddHours(1));
            Assert.Equal(to, duty.Status);
            Assert.Equal((from, to), (duty.Updates[^1].From, duty.Updates[^1].To));
            Assert.Equal(steps + 1, duty.Updates.Count);
        }
        else
        {
            Assert.Equal("Duty.IllegalTransition", Assert.Throws<DomainException>(() => duty.Advance(to, 50, "دلیل", 9, Now.AddHours(1))).Code);
            Assert.Equal((from, steps), (duty.Status, duty.Updates.Count));
        }
    }

    [Fact]
    public void Declining_needs_a_reason_and_percent_stays_within_0_to_100()
    {
        var duty = NewDuty();
        Assert.Equal("Duty.ReasonRequired", Assert.Throws<DomainException>(() => duty.Advance(DutyStatus.Declined, 0, " ", 9, Now)).Code);
        Assert.Equal("Duty.PercentOutOfRange", Assert.Throws<DomainException>(() => duty.Advance(DutyStatus.Accepted, 101, null, 9, Now)).Code);
        Assert.Equal(DutyStatus.Assigned, duty.Status);
    }

    [Fact]
    public void A_duty_due_yesterday_and_not_done_is_overdue()
    {
        var duty = NewDuty();
        Assert.False(duty.IsOverdueOn(duty.DueDate));
        Assert.True(duty.IsOverdueOn(duty.DueDate.AddDays(1)));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void A_duty_done_by_its_due_day_counts_as_on_time_and_one_done_later_does_not(int doneAfterDays, bool onTime)
    {
        var duty = NewDuty();
        duty.Advance(DutyStatus.Accepted, 0, null, 7, Now);
        duty.Advance(DutyStatus.Done, 100, null, 7, Now.AddDays(doneAfterDays));
        Assert.Equal(onTime, duty.CompletedOnTime);
    }
}
