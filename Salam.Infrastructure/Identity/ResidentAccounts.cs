using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>Residents are registered by their centre (or at a paper ballot); their sign-in account is made on first sign-in.</summary>
public sealed class ResidentAccounts(SalamDbContext db, UserManager<ApplicationUser> users)
{
    /// <returns>The account of the registered resident with this mobile number, or null when no resident has it.</returns>
    public async Task<ApplicationUser?> FindOrCreateAsync(MobileNumber mobile, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().Where(r => r.Mobile == mobile.Value)
            .Select(r => new { r.Id, r.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (resident is null) return null;

        var account = await users.FindByNameAsync(mobile.Value);
        if (account is not null) return account;

        account = new ApplicationUser { UserName = mobile.Value, PhoneNumber = mobile.Value, PhoneNumberConfirmed = true, FullName = resident.FullName, Role = Role.Resident, ResidentId = resident.Id };
        var created = await users.CreateAsync(account);
        // Two first sign-ins at once: the other request made the account; use it.
        return created.Succeeded ? account : await users.FindByNameAsync(mobile.Value);
    }
}
