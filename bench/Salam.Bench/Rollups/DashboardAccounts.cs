using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Bench.Rollups;

/// <summary>
/// The staff accounts the dashboard benchmark signs in as (all with the demo password): the ministry (the nation),
/// a provincial officer of province 1 and a facilitator of centre 1. Written after the geography, whose ids they name.
/// </summary>
internal static class DashboardAccounts
{
    public const string Ministry = "ministry";
    public const string Officer = "officer1";
    public const string Facilitator = "facilitator1";

    public static async Task AddAsync(SalamDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.UserName == Officer, cancellationToken))
            db.Users.Add(Account(Officer, "کارشناس استان ۱", Role.ProvinceOfficer, provinceId: 1, centreId: null));
        if (!await db.Users.AnyAsync(u => u.UserName == Facilitator, cancellationToken))
            db.Users.Add(Account(Facilitator, "تسهیل‌گر مرکز ۱", Role.Facilitator, provinceId: null, centreId: 1));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApplicationUser Account(string userName, string fullName, Role role, int? provinceId, int? centreId)
    {
        var user = new ApplicationUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = fullName, Role = role,
            ProvinceId = provinceId, CentreId = centreId,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, DemoDataSeeder.DemoPassword);
        return user;
    }
}
