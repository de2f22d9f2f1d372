using System.Globalization;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Common;

/// <summary>A message's text in its reader's language, whatever the language of the request that queues it.</summary>
public static class MessageText
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo CultureOf(string language) => language == Languages.English ? English : Persian;

    /// <summary>The resource <paramref name="key"/> formatted in <paramref name="language"/> (Persian digits in Persian).</summary>
    public static string Render(string language, string key, params object[] args)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureOf(language);
            return Text.Get(key, args);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>A name or title cut to fit a text message, with an ellipsis when cut.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
