using System.Text;
using QRCoder;

namespace Salam.Web.Components.Pages.Account;

/// <summary>
/// What an authenticator app needs to enrol: the otpauth URI (issuer "Salam") as a QR code drawn by the server (an SVG data URI,
/// which the CSP's img-src allows; no script), and the same key in groups of four for typing in by hand.
/// </summary>
public sealed record AuthenticatorSetup(string Key, string Uri)
{
    public const string Issuer = "Salam";

    public static AuthenticatorSetup For(string userName, string key) =>
        new(key, $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The key as people copy it: lower case, in groups of four.</summary>
    public string GroupedKey
    {
        get
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < Key.Length; i += 4)
            {
                if (i > 0) grouped.Append(' ');
                grouped.Append(Key.AsSpan(i, Math.Min(4, Key.Length - i)));
            }
            return grouped.ToString().ToLowerInvariant();
        }
    }

    public string QrCodeDataUri()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>What a person typed as a code: Persian or Arabic digits made Latin, spaces and dashes left out.</summary>
    public static string NormaliseCode(string? typed) =>
        new(Domain.Common.Digits.ToLatin(typed).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
