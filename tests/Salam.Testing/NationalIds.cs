using System.Globalization;

namespace Salam.Testing;

/// <summary>Valid national ids (check digit right) that no demo resident has: their first nine digits start with 55.</summary>
public static class NationalIds
{
    public static string Valid(int serial)
    {
        var body = "55" + serial.ToString("D7", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (body[i] - '0') * (10 - i);
        var remainder = sum % 11;
        return body + (remainder < 2 ? remainder : 11 - remainder).ToString(CultureInfo.InvariantCulture);
    }
}
