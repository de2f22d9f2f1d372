using System.Text;
using Microsoft.AspNetCore.Identity;
using Salam.Application.Common.Localization;
using Salam.Infrastructure.Identity.CommonPasswords;

namespace Salam.Infrastructure.Identity;

/// <summary>Section "Identity:Password": the shortest password accepted (12 by default, never below 8).</summary>
public sealed class PasswordRuleOptions
{
    public const string Section = "Identity:Password";
    public const int Floor = 8;
    public const int MaximumLength = 128;

    public int MinimumLength { get; set; } = 12;

    /// <summary>A configuration below the floor is a mistake to stop on at start, not to run with quietly.</summary>
    public PasswordRuleOptions Checked() => MinimumLength is >= Floor and <= MaximumLength
        ? this
        : throw new InvalidOperationException($"{Section}:MinimumLength is {MinimumLength}; it must be between {Floor} and {MaximumLength}.");
}

/// <summary>
/// Password rules after NIST SP 800-63B: length over composition (no required digit, capital or symbol), at most 128
/// characters, not the user name nor a common password. Every character counts as one, Persian letters included.
/// </summary>
public sealed class PasswordRules(PasswordRuleOptions options) : IPasswordValidator<ApplicationUser>
{
    // A name this short inside a password is chance, not a guess: "ali" in a passphrase is refused, "al" is not.
    private const int ShortestNameLookedFor = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(Check(user.UserName, password ?? ""));

    public IdentityResult Check(string? userName, string password)
    {
        var length = password.EnumerateRunes().Count();
        var errors = new List<IdentityError>();
        if (length < options.MinimumLength) errors.Add(Error("Password.TooShort", options.MinimumLength));
        if (length > PasswordRuleOptions.MaximumLength) errors.Add(Error("Password.TooLong", PasswordRuleOptions.MaximumLength));
        if (ContainsName(password, userName)) errors.Add(Error("Password.ContainsUserName"));
        if (CommonPasswordList.Contains(password)) errors.Add(Error("Password.Common"));
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static bool ContainsName(string password, string? userName) =>
        !string.IsNullOrWhiteSpace(userName)
        && (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase)
            || (userName.Length >= ShortestNameLookedFor && password.Contains(userName, StringComparison.OrdinalIgnoreCase)));

    private static IdentityError Error(string code, params object[] args) => new() { Code = code, Description = Text.Get(code, args) };
}
