using System.Globalization;
using System.Resources;
using Salam.Domain.Common;

namespace Salam.Application.Common.Localization;

/// <summary>Messages of the application and domain, in the caller's UI culture (Persian by default, English beside it).</summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("Salam.Application.Resources.Messages", typeof(Text).Assembly);

    public static string Get(string key, params object[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentUICulture, format, args.Select(Localize).ToArray());
    }

    /// <summary>A message in a given language, whatever the caller's (reading a file that may be in either).</summary>
    public static string In(CultureInfo culture, string key) => Resources.GetString(key, culture) ?? key;

    public static string Of(DomainException exception) => Get(exception.Code, [.. exception.Args]);

    /// <summary>Enum values are translated through keys like "DutyStatus.Done"; numbers take Persian digits in Persian.</summary>
    private static object Localize(object arg) => arg switch
    {
        Enum value => Get($"{value.GetType().Name}.{value}"),
        int or long or decimal when CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" =>
            Digits.ToPersian(Convert.ToString(arg, CultureInfo.InvariantCulture)!),
        _ => arg,
    };
}
