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

    public static string ToPersian(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c);
        return builder.ToString();
    }
}
