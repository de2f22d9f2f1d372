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

    public static string Of(DomainException exception) => Get(exception.Code, [.. exception.Args]);

    /// <summary>Enum values in messages are translated through keys like "DutyStatus.Done".</summary>
    private static object Localize(object arg) =>
        arg is Enum value ? Get($"{value.GetType().Name}.{value}") : arg;
}
