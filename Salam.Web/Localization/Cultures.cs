using System.Globalization;

namespace Salam.Web.Localization;

/// <summary>Persian first, English second; the choice is remembered in the culture cookie.</summary>
public static class Cultures
{
    public const string Persian = "fa-IR";
    public const string English = "en-US";
    public static readonly string[] Supported = [Persian, English];

    public static bool IsPersian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";
}
