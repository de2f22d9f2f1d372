using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// Keeps a resident's sign-in account in step with the resident: its user name is the mobile (that is how
/// <see cref="ResidentAccounts"/> finds it at sign-in), so a new mobile renames it. Tracked only; the command saves.
/// </summary>
public sealed class ResidentAccountDetails(SalamDbContext db, ILookupNormalizer normalizer) : IResidentAccounts
{
    public async Task FollowAsync(int residentId, MobileNumber mobile, string fullName, CancellationToken cancellationToken)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.ResidentId == residentId, cancellationToken);
        if (account is null) return; // never signed in: the account made at the first sign-in takes the details then
        account.UserName = mobile.Value;
        account.NormalizedUserName = normalizer.NormalizeName(mobile.Value);
        account.PhoneNumber = mobile.Value;
        account.PhoneNumberConfirmed = true;
        account.FullName = fullName;
    }
}

/// <summary>Proves a number with the sign-in codes (<see cref="OneTimeCodes"/>): the same lifetime, attempts and limits.</summary>
public sealed class MobileVerification(OneTimeCodes codes) : IMobileVerification
{
    public Task<bool> SendCodeAsync(MobileNumber mobile, string purposeTextKey, CancellationToken cancellationToken) =>
        codes.SendVerificationAsync(mobile, purposeTextKey, cancellationToken);

    public async Task<string?> VerifyAsync(MobileNumber mobile, string code, CancellationToken cancellationToken) =>
        await codes.VerifyAsync(mobile.Value, code, cancellationToken) switch
        {
            CodeOutcome.Verified => null,
            CodeOutcome.InvalidCode => "SignIn.CodeInvalid",
            CodeOutcome.TooManyAttempts => "SignIn.TooManyAttempts",
            _ => "SignIn.CodeExpired",
        };
}
