using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Persistence.Seeding;

/// <summary>
/// Outside Development a database holding the demo staff accounts is refused at start: their names and password are in
/// the README, so anyone could sign in as the administrator.
/// </summary>
public sealed class DemoAccountCheck(SalamDbContext db, IPasswordHasher<ApplicationUser> hasher)
{
    public async Task RefuseDemoAccountsAsync(string environmentName, CancellationToken cancellationToken)
    {
        var names = DemoDataSeeder.StaffAccounts.Select(a => a.UserName.ToUpperInvariant()).ToList();
        var found = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!))
            .OrderBy(u => u.UserName).Select(u => new { u.UserName, u.PasswordHash }).ToListAsync(cancellationToken);
        if (found.Count == 0) return;

        // At most eight hashes to check, once per start.
        var withDemoPassword = found.Where(u => u.PasswordHash is not null
                && hasher.VerifyHashedPassword(new ApplicationUser(), u.PasswordHash, DemoDataSeeder.DemoPassword) != PasswordVerificationResult.Failed)
            .Select(u => u.UserName).ToList();
        throw new DemoAccountsFoundException(environmentName, found.Select(u => u.UserName!).ToList(), withDemoPassword!);
    }
}

/// <summary>The start refused: which demo accounts were found, and what to do.</summary>
public sealed class DemoAccountsFoundException(string environmentName, IReadOnlyList<string> accounts, IReadOnlyList<string> withDemoPassword)
    : InvalidOperationException(Describe(environmentName, accounts, withDemoPassword))
{
    public IReadOnlyList<string> Accounts { get; } = accounts;

    private static string Describe(string environmentName, IReadOnlyList<string> accounts, IReadOnlyList<string> withDemoPassword)
    {
        var password = withDemoPassword.Count == 0 ? ""
            : withDemoPassword.Count == accounts.Count ? ", all of them still accepting the demo password from the README"
            : $"; {string.Join(", ", withDemoPassword)} still accept the demo password from the README";
        return $"Salam refuses to start in {environmentName}: the database holds the demo accounts {string.Join(", ", accounts)}{password}. "
            + "Demo data belongs to Development only: anyone who has read the README could sign in with these accounts. "
            + "Point ConnectionStrings at a new, empty database (for a new SQLite file, start once with Database:CreateIfMissing=true), "
            + "or delete these accounts from this database, then start again.";
    }
}
