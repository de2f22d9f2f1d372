using Microsoft.AspNetCore.Identity;
using Salam.Application.Common.Localization;

namespace Salam.Infrastructure.Identity;

/// <summary>Identity's own refusals in the caller's language (the default describer speaks English only).</summary>
public sealed class TranslatedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName ?? "");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    private static IdentityError Error(string code, params object[] args) => new() { Code = code, Description = Text.Get("Identity." + code, args) };
}
