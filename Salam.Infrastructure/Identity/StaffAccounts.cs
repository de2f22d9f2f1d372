using Salam.Application.Common.Search;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// Staff accounts through Identity's UserManager, so its validators (user name, password rules) apply and each change is one save
/// of the account, which the audit trail records. Every change that must end open sessions renews the security stamp.
/// </summary>
public sealed class StaffAccounts(SalamDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : IStaffAccounts
{
    public Task<StaffAccountState?> FindAsync(int userId, CancellationToken cancellationToken) =>
        Staff().Where(u => u.Id == userId).Select(u => new StaffAccountState(u.Id, u.Role, u.ProvinceId, u.IsDisabled)).SingleOrDefaultAsync(cancellationToken);

    public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(userName);
        return db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    public Task<int> EnabledAdminsAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.Role == Role.Admin && u.ResidentId == null && !u.IsDisabled, cancellationToken);

    public async Task<int> CreateAsync(NewStaffAccount account, string initialPassword, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = account.UserName,
            FullName = account.FullName,
            PhoneNumber = account.Mobile,
            Email = account.Email,
            // The administrator chose this password and may have said it aloud: it opens only the page that changes it.
            MustChangePassword = true,
        };
        Place(user, account.Placement);
        // CreateAsync checks the password and the user name before it writes anything.
        Succeeded(await users.CreateAsync(user, initialPassword), passwordField: "InitialPassword");
        return user.Id;
    }

    public async Task ChangeRoleAsync(int userId, StaffPlacement placement, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        Place(user, placement);
        // Role and scope are claims in the cookie: the new stamp makes ScopeStampValidator refuse it on the next request.
        Succeeded(await users.UpdateSecurityStampAsync(user));
    }

    public async Task SetDisabledAsync(int userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        user.IsDisabled = disabled;
        Succeeded(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetPasswordAsync(int userId, string temporaryPassword, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        // Every password rule Identity knows, checked before anything changes (RemovePassword + AddPassword would save in between).
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, temporaryPassword)).Errors);
        Succeeded(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]), passwordField: "NewPassword");

        user.PasswordHash = users.PasswordHasher.HashPassword(user, temporaryPassword);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Succeeded(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Succeeded(await users.UpdateAsync(user));
    }

    public async Task SetEmailAsync(int userId, string? email, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        user.Email = email;
        // UpdateAsync normalises the address too; an address the person did not prove is not "confirmed".
        user.EmailConfirmed = false;
        Succeeded(await users.UpdateAsync(user));
    }

    public Task<StaffContact?> ContactAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId && u.ResidentId == null && u.Role != Role.Resident)
            .Select(u => new StaffContact(u.Email, u.Language)).SingleOrDefaultAsync(cancellationToken);

    public async Task SetContactAsync(int userId, string? email, string language, CancellationToken cancellationToken)
    {
        var user = await StaffUserAsync(userId);
        if (user.Email != email) (user.Email, user.EmailConfirmed) = (email, false);
        user.Language = language;
        Succeeded(await users.UpdateAsync(user));
    }

    public async Task<StaffAccountPage> ListAsync(StaffAccountFilter filter, CancellationToken cancellationToken)
    {
        var roles = filter.Roles.ToList();
        var chosen = Staff().Where(u => roles.Contains(u.Role));
        if (filter.ProvinceId is { } provinceId) chosen = chosen.Where(u => u.ProvinceId == provinceId);
        // User names are stored upper-cased by Identity; the folded search compares in lower case on both sides.
        chosen = chosen.WhereAnyContains(filter.Search, u => u.NormalizedUserName, u => u.FullName);
        var total = await chosen.CountAsync(cancellationToken);
        var rows = await chosen.OrderBy(u => u.NormalizedUserName)
            .Skip(filter.Page * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        // Lockouts are compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var now = clock.GetUtcNow();
        return new StaffAccountPage([.. rows.Select(u => new StaffAccountRecord(u.Id, u.UserName, u.FullName, u.PhoneNumber, u.Role, u.ProvinceId,
            u.CentreId, u.AgencyId, u.IsDisabled, u.LockoutEnd > now ? u.LockoutEnd : null, u.MustChangePassword, u.Email))], total);
    }

    private static void Place(ApplicationUser user, StaffPlacement placement)
    {
        user.Role = placement.Role;
        user.ProvinceId = placement.ProvinceId;
        user.CentreId = placement.CentreId;
        user.AgencyId = placement.AgencyId;
    }

    private async Task<ApplicationUser> StaffUserAsync(int userId)
    {
        var user = await users.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture));
        // The pipeline found the account before the handler ran; a resident's account is never changed here, whatever asked.
        return user is { ResidentId: null } && user.Role != Role.Resident ? user : throw new InvalidOperationException($"No staff account {userId}");
    }

    /// <summary>Identity's errors, already in the reader's language (<see cref="TranslatedIdentityErrors"/>), as a refusal by field.</summary>
    private static void Succeeded(IdentityResult result, string passwordField = "")
    {
        if (result.Succeeded) return;
        throw new RequestRefusedException(result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray()));
    }

    /// <summary>Staff accounts with the province their scope gives them: a facilitator's centre's, a manager's agency's, or their own.</summary>
    private IQueryable<StaffRow> Staff() => db.Users.AsNoTracking()
        .Where(u => u.ResidentId == null && u.Role != Role.Resident)
        .Select(u => new StaffRow
        {
            Id = u.Id, UserName = u.UserName ?? "", NormalizedUserName = u.NormalizedUserName, FullName = u.FullName, PhoneNumber = u.PhoneNumber, Role = u.Role,
            ProvinceId = u.CentreId != null ? db.Centres.Where(c => c.Id == u.CentreId).Select(c => (int?)c.ProvinceId).FirstOrDefault()
                : u.AgencyId != null ? db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.ProvinceId).FirstOrDefault()
                : u.ProvinceId,
            CentreId = u.CentreId, AgencyId = u.AgencyId, IsDisabled = u.IsDisabled, LockoutEnd = u.LockoutEnd, MustChangePassword = u.MustChangePassword,
            Email = u.Email,
        });

    // Set by an initialiser, not a constructor, so EF can still filter and sort on its members after the projection.
    private sealed class StaffRow
    {
        public int Id { get; init; }
        public string UserName { get; init; } = "";
        public string? NormalizedUserName { get; init; }
        public string FullName { get; init; } = "";
        public string? PhoneNumber { get; init; }
        public Role Role { get; init; }
        public int? ProvinceId { get; init; }
        public int? CentreId { get; init; }
        public int? AgencyId { get; init; }
        public bool IsDisabled { get; init; }
        public DateTimeOffset? LockoutEnd { get; init; }
        public bool MustChangePassword { get; init; }
        public string? Email { get; init; }
    }
}
