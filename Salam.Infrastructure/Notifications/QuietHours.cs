using Salam.Domain.Common;

namespace Salam.Infrastructure.Notifications;

/// <summary>The Tehran night in which residents get no SMS, and the mornings a deferred message waits for.</summary>
public readonly record struct QuietHours(int Start, int End)
{
    public static QuietHours Of(OutboxOptions options) => new(options.QuietHoursStart, options.QuietHoursEnd);

    public bool Contains(DateTimeOffset moment)
    {
        var hour = ProgrammeCalendar.LocalTime(moment).Hour;
        return Start == End ? false : Start > End ? hour >= Start || hour < End : hour >= Start && hour < End;
    }

    /// <summary>When the quiet hours that hold <paramref name="moment"/> end (the next <see cref="End"/> o'clock in Tehran).</summary>
    public DateTimeOffset EndAfter(DateTimeOffset moment)
    {
        var today = ProgrammeCalendar.DayOf(moment);
        var end = At(today, End);
        return end > moment ? end : At(today.AddDays(1), End);
    }

    /// <summary>Tomorrow (Tehran) at <see cref="End"/> o'clock: when a number past its daily cap is texted again.</summary>
    public DateTimeOffset TomorrowMorning(DateTimeOffset moment) => At(ProgrammeCalendar.DayOf(moment).AddDays(1), End);

    private static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, ProgrammeCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
