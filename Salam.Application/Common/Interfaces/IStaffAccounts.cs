using Salam.Domain.People;

namespace Salam.Application.Common.Interfaces;

/// <summary>
/// Staff sign-in accounts, kept by Identity outside the domain: the administration of who works where. Every change renews the
/// account's security stamp where the sign-in it holds would otherwise keep an old role, scope or access.
/// Residents' accounts are never staff accounts: every method treats them as missing.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>The staff account with this id (its province as its scope gives it), or null when there is none or it is a resident's.</summary>
    Task<StaffAccountState?> FindAsync(int userId, CancellationToken cancellationToken);

    /// <summary>Whether any account (staff or resident) holds this user name, compared as Identity normalises it.</summary>
    Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken);

    /// <summary>How many administrators can still sign in.</summary>
    Task<int> EnabledAdminsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the account with a one-time password (it must choose its own at the first sign-in); refuses with Identity's translated errors.</summary>
    Task<int> CreateAsync(NewStaffAccount account, string initialPassword, CancellationToken cancellationToken);

    Task ChangeRoleAsync(int userId, StaffPlacement placement, CancellationToken cancellationToken);

    /// <summary>Disables (its open sessions end) or enables the account.</summary>
    Task SetDisabledAsync(int userId, bool disabled, CancellationToken cancellationToken);

    /// <summary>Sets a temporary password that must be changed at the next sign-in, ends open sessions and clears a lockout.</summary>
    Task ResetPasswordAsync(int userId, string temporaryPassword, CancellationToken cancellationToken);

    Task UnlockAsync(int userId, CancellationToken cancellationToken);

    /// <summary>Sets the account's e-mail address (null removes it); its messages go there.</summary>
    Task SetEmailAsync(int userId, string? email, CancellationToken cancellationToken);

    /// <summary>The address and language of the account's messages, or null when it is not a staff account.</summary>
    Task<StaffContact?> ContactAsync(int userId, CancellationToken cancellationToken);

    /// <summary>Sets the address (null removes it) and the language of the account's messages.</summary>
    Task SetContactAsync(int userId, string? email, string language, CancellationToken cancellationToken);

    /// <summary>One page of staff accounts, by user name, with the filters applied in the database.</summary>
    Task<StaffAccountPage> ListAsync(StaffAccountFilter filter, CancellationToken cancellationToken);
}

/// <summary>A role and the scope it works in: a centre for a facilitator, an agency for a manager, a province for an officer, none nationally.</summary>
public sealed record StaffPlacement(Role Role, int? ProvinceId, int? CentreId, int? AgencyId);

public sealed record NewStaffAccount(string UserName, string FullName, string Mobile, StaffPlacement Placement, string? Email = null);

/// <summary>Where and in which language a staff account's messages are written; no address, no e-mail.</summary>
public sealed record StaffContact(string? Email, string Language);

/// <summary>What the scope check and the rules need of an account: its role, its province (none for national roles or national agencies), and whether it may sign in.</summary>
public sealed record StaffAccountState(int Id, Role Role, int? ProvinceId, bool IsDisabled);

/// <summary>The accounts a list shows: only <see cref="Roles"/>, only of <see cref="ProvinceId"/> when set; <see cref="Search"/> in user name or name.</summary>
public sealed record StaffAccountFilter(string? Search, IReadOnlyCollection<Role> Roles, int? ProvinceId, int Page, int PageSize);

public sealed record StaffAccountPage(IReadOnlyList<StaffAccountRecord> Accounts, int Total);

public sealed record StaffAccountRecord(
    int Id, string UserName, string FullName, string? Mobile, Role Role, int? ProvinceId, int? CentreId, int? AgencyId,
    bool IsDisabled, DateTimeOffset? LockedOutUntil, bool MustChangePassword, string? Email = null);
