using System.Globalization;

namespace Salam.Web.Localization;

/// <summary>
/// The culture date pickers draw their month with: the Jalali (Persian) calendar in both languages, because every date
/// Salam shows is Jalali (English pages too, «12 Dey 1405»), so a picked day reads the same as the due dates beside it.
/// English keeps fa-IR's calendar with English month and day names and Latin digits.
/// </summary>
public static class CalendarCulture
{
    private static readonly Lazy<CultureInfo> Persian = new(() => CultureInfo.ReadOnly(WithPersianCalendar(new CultureInfo(Cultures.Persian))));
    private static readonly Lazy<CultureInfo> English = new(() => CultureInfo.ReadOnly(InEnglish(WithPersianCalendar(new CultureInfo(Cultures.Persian)))));

    public static CultureInfo Current => Cultures.IsPersian ? Persian.Value : English.Value;

    private static CultureInfo WithPersianCalendar(CultureInfo culture)
    {
        // ICU's fa-IR already counts in the Persian calendar; say so, so a platform that defaults otherwise still shows Jalali.
        if (culture.DateTimeFormat.Calendar is not PersianCalendar) culture.DateTimeFormat.Calendar = new PersianCalendar();
        return culture;
    }

    private static CultureInfo InEnglish(CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        // .NET calendars have a thirteenth month slot; the Jalali year leaves it empty.
        string[] months = [.. Salam.Domain.Common.JalaliDate.MonthsEn, ""];
        format.MonthNames = format.MonthGenitiveNames = months;
        format.AbbreviatedMonthNames = format.AbbreviatedMonthGenitiveNames = months;
        format.DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        format.AbbreviatedDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        format.ShortestDayNames = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
        format.AMDesignator = "AM";
        format.PMDesignator = "PM";
        return culture;
    }
}
