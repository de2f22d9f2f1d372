using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>Reads and updates accounts in the Identity tables.</summary>
public sealed class UserDirectory(SalamDbContext db, UserManager<ApplicationUser> users) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);

    public Task<StaffAccount?> FindAsync(int userId, CancellationToken cancellationToken) =>
        Accounts(db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffAccount>> FacilitatorsAsync(int? provinceId, CancellationToken cancellationToken) =>
        await Accounts(db.Users
                .Where(u => u.Role == Role.Facilitator)
                .Where(u => provinceId == null
                    || (u.CentreId != null ? db.Centres.Any(c => c.Id == u.CentreId && c.ProvinceId == provinceId) : u.ProvinceId == provinceId))
                .OrderBy(u => u.FullName))
            .ToListAsync(cancellationToken);

    public async Task AssignCentreAsync(int userId, int? centreId, int? provinceId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new InvalidOperationException($"No account {userId}");
        user.CentreId = centreId;
        user.ProvinceId = provinceId;
        // The centre is a claim in the sign-in cookie; a new stamp makes the cookie validator refuse the old one (see ScopeStampValidator).
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException(string.Join(" ", updated.Errors.Select(e => e.Description)));
    }

    public async Task<IReadOnlyList<StaffRecipient>> RecipientsAsync(StaffAudience audience, CancellationToken cancellationToken)
    {
        var chosen = db.Users.AsNoTracking()
            .Where(u => u.Role == audience.Role && u.ResidentId == null && !u.IsDisabled && u.Email != null && u.Email != "");
        if (audience.AgencyId is { } agencyId) chosen = chosen.Where(u => u.AgencyId == agencyId);
        if (audience.CentreId is { } centreId) chosen = chosen.Where(u => u.CentreId == centreId);
        if (audience.ProvinceId is { } provinceId)
            chosen = chosen.Where(u => u.CentreId != null ? db.Centres.Any(c => c.Id == u.CentreId && c.ProvinceId == provinceId) : u.ProvinceId == provinceId);
        return await chosen.OrderBy(u => u.Id)
            .Select(u => new StaffRecipient(u.Id, u.FullName, u.Email!, u.Language))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<StaffAccount> Accounts(IQueryable<ApplicationUser> chosen) => chosen.AsNoTracking()
        .Where(u => u.ResidentId == null)
        .Select(u => new StaffAccount(u.Id, u.FullName, u.UserName ?? "", u.Role, u.CentreId,
            u.CentreId != null ? db.Centres.Where(c => c.Id == u.CentreId).Select(c => (int?)c.ProvinceId).FirstOrDefault() : u.ProvinceId));
}
