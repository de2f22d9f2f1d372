using System.Globalization;

namespace Salam.Domain.Common;

/// <summary>Dates as people in Iran type them: Jalali year/month/day (۱۴۰۵/۰۹/۱۳, 1405-9-13), Persian or Latin digits.</summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();

    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        var parts = Digits.ToLatin(text).Trim().Split(['/', '-', '.'], StringSplitOptions.TrimEntries);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth))
            return false;
        if (year is < 1300 or > 1500 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > Calendar.GetDaysInMonth(year, month)) return false;
        day = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, dayOfMonth, 0, 0, 0, 0));
        return true;
    }

    /// <summary>The Jalali months' names, Farvardin first, as people write them in Persian and in English.</summary>
    public static readonly IReadOnlyList<string> MonthsFa = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
    public static readonly IReadOnlyList<string> MonthsEn = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];

    /// <summary>The day's Jalali year, month (1-12) and day of the month.</summary>
    public static (int Year, int Month, int Day) Parts(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (Calendar.GetYear(date), Calendar.GetMonth(date), Calendar.GetDayOfMonth(date));
    }

    /// <summary>The day as year/month/day in the Jalali calendar with Latin digits (the display layer turns them Persian).</summary>
    public static string Format(DateOnly day)
    {
        var (year, month, dayOfMonth) = Parts(day);
        return $"{year:D4}/{month:D2}/{dayOfMonth:D2}";
    }
}
