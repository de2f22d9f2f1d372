using System.Globalization;
using System.Text;

namespace Salam.Domain.Common;

/// <summary>People type Persian (۰–۹) and Arabic-Indic (٠–٩) digits; rules compare Latin ones.</summary>
public static class Digits
{
    public static string ToLatin(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// A whole number as typed in any of the three digit sets, with an optional minus sign; anything else (a letter, a
    /// decimal, an empty field, a number too large) is not a number, so no caller can mistake it for zero.
    /// </summary>
    public static bool TryParseWhole(string? text, out int value)
    {
        var latin = ToLatin(text).Trim().Replace('\u2212', '-'); // the typographic minus some keyboards send
        return int.TryParse(latin, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static string ToPersian(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c);
        return builder.ToString();
    }
}
