using Salam.Domain.Common;

namespace Salam.Domain.People;

/// <summary>An Iranian mobile number, kept as 09xxxxxxxxx; +98 and 0098 prefixes and Persian digits are accepted.</summary>
public readonly record struct MobileNumber
{
    public string Value { get; }

    private MobileNumber(string value) => Value = value;

    public static bool TryParse(string? input, out MobileNumber mobile)
    {
        mobile = default;
        var text = Digits.ToLatin(input).Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (text.StartsWith("+98", StringComparison.Ordinal)) text = "0" + text[3..];
        else if (text.StartsWith("0098", StringComparison.Ordinal)) text = "0" + text[4..];
        else if (text.Length == 10 && text.StartsWith('9')) text = "0" + text;

        if (text.Length != 11 || !text.StartsWith("09", StringComparison.Ordinal) || !text.All(char.IsAsciiDigit)) return false;
        mobile = new MobileNumber(text);
        return true;
    }

    public static MobileNumber Parse(string input) =>
        TryParse(input, out var mobile) ? mobile : throw new DomainException("Mobile.Invalid");

    public override string ToString() => Value;
}
