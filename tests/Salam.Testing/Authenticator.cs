using System.Buffers.Binary;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Salam.Testing;

/// <summary>
/// What a person's authenticator app does, written from RFC 6238 (TOTP: HMAC-SHA1 over 30-second steps, six digits) and RFC 4648
/// (base32 keys) rather than with Identity's own code, so the tests check the app and Identity agree.
/// </summary>
public static class Authenticator
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Six digits that no step near now accepts (Identity allows a few steps of clock drift either way).</summary>
    public static string WrongCode(string base32Key)
    {
        var near = Enumerable.Range(-4, 9).Select(i => Code(base32Key, DateTimeOffset.UtcNow + i * Step)).ToHashSet();
        var candidate = Code(base32Key);
        while (near.Contains(candidate)) candidate = ((int.Parse(candidate, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>The key the enrolment page shows for typing in by hand (in groups of four).</summary>
    public static string KeyOn(string enrolmentPage) =>
        new HtmlParser().ParseDocument(enrolmentPage).QuerySelector(".salam-key")?.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
        ?? throw new InvalidOperationException("No authenticator key on the page");

    /// <summary>The recovery codes a page shows (once, right after enrolment or after asking for new ones).</summary>
    public static IReadOnlyList<string> RecoveryCodesOn(string page) =>
        [.. new HtmlParser().ParseDocument(page).QuerySelectorAll(".salam-recovery-codes code").Select(c => c.TextContent.Trim())];

    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in key.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(value >> (bits - 8)));
            bits -= 8;
            value &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
