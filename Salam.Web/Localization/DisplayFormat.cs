using System.Globalization;
using Salam.Application.Common.Localization;
using Salam.Application.Home.Queries;
using Salam.Domain.Common;

namespace Salam.Web.Localization;

/// <summary>The one place that formats for people: Jalali dates in Tehran time, Persian digits in Persian, names in the chosen language.</summary>
public sealed class DisplayFormat
{
    private static bool Persian => Cultures.IsPersian;

    public string Date(DateTimeOffset moment) => Date(ProgrammeCalendar.LocalTime(moment));

    public string Date(DateOnly day) => Date(day.ToDateTime(TimeOnly.MinValue));

    public string DateTime(DateTimeOffset moment)
    {
        var local = ProgrammeCalendar.LocalTime(moment);
        return Digits(Persian ? $"{Date(local)}، ساعت {local:HH:mm}" : $"{Date(local)}, {local:HH:mm}");
    }

    public string Number(long value) =>
        Digits(value.ToString("N0", CultureInfo.InvariantCulture).Replace(",", Persian ? "٬" : ",", StringComparison.Ordinal));

    /// <summary>
    /// Whole rials with toman alongside, as people reckon money: «۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)». Integer arithmetic only;
    /// a rial amount not divisible by ten keeps its tenth of a toman («۱٬۲۳۴٫۵ تومان»).
    /// </summary>
    public string Rials(long rials)
    {
        var sign = rials < 0 ? "-" : "";
        var magnitude = rials < 0 ? (ulong)(-(rials + 1)) + 1 : (ulong)rials;
        var toman = Grouped(magnitude / 10) + (magnitude % 10 == 0 ? "" : (Persian ? "٫" : ".") + (magnitude % 10).ToString(CultureInfo.InvariantCulture));
        return Digits(Persian
            ? $"{sign}{Grouped(magnitude)} ریال ({sign}{toman} تومان)"
            : $"{sign}{Grouped(magnitude)} rials ({sign}{toman} toman)");
    }

    private static string Grouped(ulong value) =>
        value.ToString("N0", CultureInfo.InvariantCulture).Replace(",", Persian ? "٬" : ",", StringComparison.Ordinal);

    public string Percent(double fraction) =>
        Digits((fraction * 100).ToString("0.#", CultureInfo.InvariantCulture).Replace(".", Persian ? "٫" : ".", StringComparison.Ordinal)) + (Persian ? "٪" : "%");

    /// <summary>An enum value in the reader's language, from the application's messages (e.g. "DutyStatus.Done").</summary>
    public string Enum<T>(T value) where T : struct, System.Enum => Text.Get($"{typeof(T).Name}.{value}");

    /// <summary>A short list in the reader's language: Persian separates with «، », English with ", ".</summary>
    public string List(IEnumerable<string> items) => string.Join(Persian ? "، " : ", ", items);

    /// <summary>
    /// Between the facts of one line (a place, a date, a count): Persian «، », English " · ". A middle dot beside Persian digits
    /// reads as a zero (۰), so Persian never gets one.
    /// </summary>
    public string Separator => Persian ? "، " : " · ";

    public string Name(PlaceName name) => Persian ? name.Fa : name.En;

    /// <summary>Places in the order of their names in the reader's language (lists come sorted by the Persian name).</summary>
    public IEnumerable<T> ByName<T>(IEnumerable<T> items, Func<T, PlaceName> name) => items.OrderBy(item => Name(name(item)), StringComparer.CurrentCulture);

    public string Name(string fa, string en) => Persian ? fa : en;

    /// <summary>
    /// User or place text inside a sentence of plain text (a message box, a snackbar), wrapped in Unicode's first-strong
    /// isolate so a Persian title does not reorder the English words around it; markup uses &lt;bdi&gt; instead.
    /// </summary>
    public string Isolate(string text) => "\u2068" + text + "\u2069";

    /// <summary>Latin digits become Persian ones in Persian; anything else is left as typed.</summary>
    public string Digits(string text) => Persian ? Domain.Common.Digits.ToPersian(text) : text;

    private string Date(DateTime local)
    {
        var (year, month, day) = JalaliDate.Parts(DateOnly.FromDateTime(local));
        return Digits(Persian ? $"{day} {JalaliDate.MonthsFa[month - 1]} {year}" : $"{day} {JalaliDate.MonthsEn[month - 1]} {year}");
    }
}
