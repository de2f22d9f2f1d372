using System.Globalization;
using MudBlazor;
using Salam.Domain.Common;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Meetings;

/// <summary>
/// A meeting's day and time as people type them: a Jalali date (۱۴۰۵/۰۹/۲۰) and a Tehran wall-clock time (۱۶:۳۰), in Persian,
/// Arabic-Indic or Latin digits. The picker's calendar is Jalali too (<see cref="CalendarCulture"/>).
/// </summary>
public static class JalaliInput
{
    private static readonly string[] DayFormats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];
    // "%H", not "H": a one-letter format is read as a standard format specifier, and "H" is none (it throws on "9" or a word).
    private static readonly string[] TimeFormats = ["H:mm", "H:m", "%H"];

    /// <summary>The picker's text both ways: shown as yyyy/MM/dd Jalali in the reader's digits, typed in any digits.</summary>
    /// <param name="invalid">The message a text that is not a Jalali date raises (the picker shows it under the field).</param>
    public static IReversibleConverter<DateTime?, string?> DayConverter(string invalid) => Conversions.From<DateTime?, string?>(
        day => day is { } d ? Show(d) : null,
        text => string.IsNullOrWhiteSpace(text) ? null : ParseDay(text) ?? throw new FormatException(invalid));

    public static DateTime? ParseDay(string? text) =>
        DateTime.TryParseExact(Digits.ToLatin(text).Trim(), DayFormats, CalendarCulture.Current, DateTimeStyles.None, out var day) ? day.Date : null;

    public static string Show(DateTime day)
    {
        var text = day.ToString("yyyy/MM/dd", CalendarCulture.Current);
        return Cultures.IsPersian ? Digits.ToPersian(Digits.ToLatin(text)) : Digits.ToLatin(text);
    }

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(Digits.ToLatin(text).Trim().Replace('٫', ':').Replace('.', ':'), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : null;

    public static string ShowTime(TimeOnly time)
    {
        var text = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Cultures.IsPersian ? Digits.ToPersian(text) : text;
    }

    /// <summary>A Tehran wall-clock moment as the UTC instant the application keeps.</summary>
    public static DateTimeOffset InTehran(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, ProgrammeCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
