using Salam.Domain.Common;

namespace Salam.Domain.People;

/// <summary>An Iranian national id (کد ملی): ten digits whose last is a check digit over the first nine.</summary>
public readonly record struct NationalId
{
    public string Value { get; }

    private NationalId(string value) => Value = value;

    public static bool TryParse(string? input, out NationalId nationalId)
    {
        nationalId = default;
        var digits = Digits.ToLatin(input).Trim().Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit)) return false;
        // A repeated digit (0000000000, 1111111111…) passes the checksum but is never issued.
        if (digits.Distinct().Count() == 1) return false;

        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var remainder = sum % 11;
        var expected = remainder < 2 ? remainder : 11 - remainder;
        if (digits[9] - '0' != expected) return false;

        nationalId = new NationalId(digits);
        return true;
    }

    public static NationalId Parse(string input) =>
        TryParse(input, out var id) ? id : throw new DomainException("NationalId.Invalid");

    public override string ToString() => Value;
}
