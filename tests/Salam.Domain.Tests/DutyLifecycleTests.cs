using Salam.Domain.Common;
using Salam.Domain.Duties;

namespace Salam.Domain.Tests;

public sealed class DutyLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Duty NewDuty() => new(1, 1, null, "روشنایی کوچه‌ها", "", ProgrammeCalendar.DayOf(Now).AddDays(10), 7, Now);

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
        (DutyStatus.Disputed, DutyStatus.InProgress), (DutyStatus.Disputed, DutyStatus.Done),
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
            DutyStatus.Done or DutyStatus.Disputed => [DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Done],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path) duty.Advance(step, 20, "دلیل", 9, Now);
        if (status == DutyStatus.Disputed) duty.Dispute(0, "پنج نفر از ساکنان گفتند انجام نشده است.", Now);
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

    /// <summary>10 March 2026, 21:00 UTC: 00:30 on 11 March in Tehran, while the UTC day is still the 10th.</summary>
    private static readonly DateTimeOffset JustAfterTehranMidnight = new(2026, 3, 10, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_programme_day_is_the_day_in_Tehran()
    {
        Assert.Equal(new DateOnly(2026, 3, 11), ProgrammeCalendar.DayOf(JustAfterTehranMidnight));
        Assert.Equal(new DateOnly(2026, 3, 10), ProgrammeCalendar.DayOf(JustAfterTehranMidnight.AddMinutes(-31)));
        Assert.Equal("Asia/Tehran", ProgrammeCalendar.Zone.Id);
    }

    [Fact]
    public void Just_after_midnight_in_Tehran_a_duty_may_fall_due_that_day_but_not_the_day_before()
    {
        var today = new Duty(1, 1, null, "امروز", "", new DateOnly(2026, 3, 11), 7, JustAfterTehranMidnight);
        Assert.Equal(new DateOnly(2026, 3, 11), today.DueDate);
        var refused = Assert.Throws<DomainException>(() => new Duty(1, 1, null, "دیروز", "", new DateOnly(2026, 3, 10), 7, JustAfterTehranMidnight));
        Assert.Equal("Duty.DueDateInPast", refused.Code);
    }

    [Theory]
    [InlineData(-60, true)]  // 23:30 on 10 March in Tehran: done on its due day
    [InlineData(0, false)]   // 00:30 on 11 March in Tehran, though still 10 March in UTC: a day late
    public void Done_on_time_is_judged_on_the_day_in_Tehran(int minutesFromTehranMidnightPlus30, bool onTime)
    {
        var duty = new Duty(1, 1, null, "روشنایی", "", new DateOnly(2026, 3, 10), 7, JustAfterTehranMidnight.AddDays(-5));
        duty.Advance(DutyStatus.Accepted, 0, null, 7, JustAfterTehranMidnight.AddDays(-4));
        duty.Advance(DutyStatus.Done, 100, null, 7, JustAfterTehranMidnight.AddMinutes(minutesFromTehranMidnightPlus30));
        Assert.Equal(onTime, duty.CompletedOnTime);
    }

    [Fact]
    public void A_duty_due_on_the_10th_is_overdue_from_the_11th_in_Tehran_and_a_finished_one_never_is()
    {
        var duty = new Duty(1, 1, null, "روشنایی", "", new DateOnly(2026, 3, 10), 7, JustAfterTehranMidnight.AddDays(-5));
        Assert.True(duty.IsOpen);
        Assert.True(duty.IsOverdueOn(ProgrammeCalendar.DayOf(JustAfterTehranMidnight)));
        Assert.All(Duty.FinishedStatuses, status => Assert.False(Duty.IsOverdue(status, duty.DueDate, duty.DueDate.AddDays(1))));
        Assert.All(Enum.GetValues<DutyStatus>().Except(Duty.FinishedStatuses), status => Assert.True(Duty.IsOverdue(status, duty.DueDate, duty.DueDate.AddDays(1))));
    }

    [Theory]
    [InlineData(DutyStatus.InProgress)]
    [InlineData(DutyStatus.Blocked)]
    public void A_note_or_reason_longer_than_the_limit_is_refused_and_the_duty_is_unchanged(DutyStatus to)
    {
        var duty = NewDuty();
        duty.Advance(DutyStatus.Accepted, 0, null, 9, Now);
        var version = duty.Version;

        var refused = Assert.Throws<DomainException>(() => duty.Advance(to, 10, new string('ن', Duty.MaxNoteLength + 1), 9, Now));

        Assert.Equal("Duty.NoteTooLong", refused.Code);
        Assert.Equal(Duty.MaxNoteLength, refused.Args[0]);
        Assert.Equal((DutyStatus.Accepted, 2, version), (duty.Status, duty.Updates.Count, duty.Version));
        duty.Advance(to, 10, new string('ن', Duty.MaxNoteLength), 9, Now); // exactly the limit is fine
        Assert.Equal(Duty.MaxNoteLength, duty.Updates[^1].Note!.Length);
    }

    [Fact]
    public void A_title_or_description_longer_than_the_limit_is_refused()
    {
        var due = ProgrammeCalendar.DayOf(Now).AddDays(10);
        Assert.Equal("Duty.TitleTooLong", Assert.Throws<DomainException>(() =>
            new Duty(1, 1, null, new string('ع', Duty.MaxTitleLength + 1), "", due, 7, Now)).Code);
        Assert.Equal("Duty.DescriptionTooLong", Assert.Throws<DomainException>(() =>
            new Duty(1, 1, null, "عنوان", new string('ش', Duty.MaxDescriptionLength + 1), due, 7, Now)).Code);
        Assert.Equal(Duty.MaxTitleLength, new Duty(1, 1, null, new string('ع', Duty.MaxTitleLength), "", due, 7, Now).Title.Length);
    }
}
