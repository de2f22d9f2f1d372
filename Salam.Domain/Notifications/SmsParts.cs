namespace Salam.Domain.Notifications;

/// <summary>
/// How many SMS parts a text takes: 160 characters in one part (153 each when split) in the GSM 7-bit alphabet, 70 (67)
/// otherwise, which is any Persian text. Resident texts are kept to <see cref="MaxParts"/>.
/// </summary>
public static class SmsParts
{
    public const int MaxParts = 2;

    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extended = "^{}\\[~]|€";

    public static int Count(string text)
    {
        if (text.Length == 0) return 1;
        if (text.All(c => Gsm7.Contains(c) || Gsm7Extended.Contains(c)))
        {
            var septets = text.Sum(c => Gsm7Extended.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        // UCS-2: characters outside the basic plane take two units.
        var units = text.Length;
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
