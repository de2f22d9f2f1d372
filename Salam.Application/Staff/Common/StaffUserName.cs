using System.Text.RegularExpressions;
using Salam.Domain.Common;

namespace Salam.Application.Staff.Common;

/// <summary>
/// A staff user name: 3 to 50 Latin letters, digits, '.', '_' or '-', starting with a letter. Never all digits: residents' accounts
/// are named by their mobile number, and a staff account holding a number would be the one a resident's code signs into.
/// </summary>
public static partial class StaffUserName
{
    public const int MinLength = 3;
    public const int MaxLength = 50;

    /// <summary>Trimmed, with Persian digits made Latin (a Persian keyboard types them).</summary>
    public static string Normalise(string? userName) => Digits.ToLatin(userName).Trim();

    public static bool IsValid(string? userName) => Pattern().IsMatch(Normalise(userName));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{2,49}$")]
    private static partial Regex Pattern();
}
