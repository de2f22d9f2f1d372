using System.Net.Mail;
using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Staff.Common;

/// <summary>
/// A staff account's e-mail address, where its messages go (none: no e-mail). A plain address with a dotted domain, no name
/// part, at most <see cref="MaxLength"/> characters; an empty field means none.
/// </summary>
public static class StaffEmail
{
    public const int MaxLength = 256;

    /// <summary>Trimmed; null when empty.</summary>
    public static string? Normalise(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    public static bool IsValid(string? email)
    {
        var address = Normalise(email);
        if (address is null) return true;
        return address.Length <= MaxLength && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
            && string.IsNullOrEmpty(parsed.DisplayName) && parsed.Host.Contains('.', StringComparison.Ordinal) && !parsed.Host.EndsWith('.')
            && address.All(c => c is > ' ' and < '\u007f');
    }

    /// <summary>The rule every form with an e-mail field applies.</summary>
    public static IRuleBuilderOptions<T, string?> ValidStaffEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValid).WithMessage(_ => Text.Get("Staff.EmailInvalid"));
}
