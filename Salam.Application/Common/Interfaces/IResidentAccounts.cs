using Salam.Domain.People;

namespace Salam.Application.Common.Interfaces;

/// <summary>A resident's sign-in account (kept by Identity, outside the domain), which follows the resident's own details.</summary>
public interface IResidentAccounts
{
    /// <summary>
    /// Gives the resident's account (if they have signed in before) the new mobile as its user name and phone, and the name.
    /// Only tracked: the caller's SaveChanges writes it in the same transaction as the resident.
    /// </summary>
    Task FollowAsync(int residentId, MobileNumber mobile, string fullName, CancellationToken cancellationToken);
}

/// <summary>Proves that a person holds a mobile number: a one-time code texted to it, with the sign-in codes' limits.</summary>
public interface IMobileVerification
{
    /// <returns>False when the number has had too many codes lately.</returns>
    Task<bool> SendCodeAsync(MobileNumber mobile, string purposeTextKey, CancellationToken cancellationToken);

    /// <returns>Null when the code is right, else the message key that says why not.</returns>
    Task<string?> VerifyAsync(MobileNumber mobile, string code, CancellationToken cancellationToken);
}
