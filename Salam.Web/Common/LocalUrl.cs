using System.Text;

namespace Salam.Web.Common;

/// <summary>
/// Return URLs come from the query string; only plain paths of this site are followed (no open redirect), and anything else
/// quietly becomes the home page. A control character in a Location header made the server answer 500; a backslash or an
/// encoded slash is read by some browsers and proxies as the start of another host.
/// </summary>
public static class LocalUrl
{
    private const int MaxDecodings = 3;

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || !IsPlainPath(url)) return false;
        // The path as a server or proxy further on might decode it (once or more): decoded, it must still be a plain path here.
        var path = url.Split('?', '#')[0];
        for (var i = 0; i < MaxDecodings && path.Contains('%'); i++)
        {
            path = Uri.UnescapeDataString(path);
            if (!IsPlainPath(path)) return false;
        }
        return true;
    }

    /// <summary>The URL if it is local, else the home page; letters beyond ASCII percent-encoded, as a Location header needs.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? AsciiOnly(url!) : "/";

    private static bool IsPlainPath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Any(char.IsControl);

    private static string AsciiOnly(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var escaped = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) { escaped.Append((char)rune.Value); continue; }
            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)]) escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
