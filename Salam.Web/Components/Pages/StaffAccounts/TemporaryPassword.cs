using System.Security.Cryptography;

namespace Salam.Web.Components.Pages.StaffAccounts;

/// <summary>
/// A random password for a reset, read aloud or copied once and replaced at the next sign-in: 16 characters (about 85 bits),
/// with capitals, small letters and digits, and no look-alikes (0/O, 1/l/I) so it survives being read over the phone.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New() =>
        $"{Pick(Upper, 1)}{Pick(Lower, 4)}-{Pick(Digits, 4)}-{Pick(Lower, 3)}{Pick(Upper, 1)}-{Pick(Digits, 1)}";

    private static string Pick(string alphabet, int count) => new(RandomNumberGenerator.GetItems<char>(alphabet, count));
}
