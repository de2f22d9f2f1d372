using Microsoft.AspNetCore.Identity;
using Salam.Application.Common.Localization;

namespace Salam.Infrastructure.Identity;

/// <summary>Identity's refusals in the reader's language, so an administrator sees why a user name or password was refused.</summary>
public sealed class SalamIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Staff.Password.TooShort", length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Staff.Password.RequiresDigit");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Staff.Password.RequiresLower");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Staff.Password.RequiresUpper");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Staff.Password.RequiresNonAlphanumeric");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Staff.Password.RequiresUniqueChars", uniqueChars);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Staff.UserNameTaken", userName);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Staff.UserNameInvalid");

    private static IdentityError Error(string code, string key, params object[] args) => new() { Code = code, Description = Text.Get(key, args) };
}
