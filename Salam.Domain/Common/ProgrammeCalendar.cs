namespace Salam.Domain.Common;

/// <summary>
/// The programme's calendar day: the day in Tehran. Due dates, "today", overdue and on-time are all judged on it,
/// never on the UTC day, which is still yesterday between 00:00 and 03:30 in Tehran.
/// </summary>
public static class ProgrammeCalendar
{
    /// <summary>Asia/Tehran: the one definition of the programme's time zone (recurring jobs and displayed dates use it too).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    /// <summary>The calendar day in Tehran at the given moment.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(LocalTime(moment));

    /// <summary>Today in Tehran, with <paramref name="now"/> the current moment.</summary>
    public static DateOnly Today(DateTimeOffset now) => DayOf(now);

    /// <summary>
    /// The moment a programme day begins (midnight in Tehran), in UTC: the app's moments are all UTC, and SQLite stores them as
    /// numbers that only compare in order when their offsets agree.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The wall-clock time in Tehran at the given moment.</summary>
    public static DateTime LocalTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;
}
