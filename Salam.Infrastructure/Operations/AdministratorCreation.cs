using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Operations;

/// <summary>What <c>create-admin</c> was asked for. The password comes from standard input or the environment, never an argument.</summary>
public sealed record AdministratorRequest(string UserName, string? DisplayName, string Password, bool Force);

/// <summary>
/// <c>create-admin</c>: the first administrator of an empty database (Production never seeds one). With an administrator
/// already there it refuses unless forced; forced, it adds another, or resets the password of the administrator named.
/// Written through Identity's UserManager, so the password rules apply and the audit log records it (the actor is "system").
/// </summary>
public static class AdministratorCreation
{
    public static async Task<OperatorOutcome> CreateAsync(IServiceProvider services, AdministratorRequest request, CancellationToken cancellationToken = default)
    {
        // The rules first: a mistyped or weak password writes nothing, not even the schema.
        if (await CheckAsync(services, request) is { } refusal) return refusal;

        var migrated = await DatabaseMigration.MigrateAsync(services, cancellationToken);
        if (!migrated.Succeeded) return migrated;

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentUser>().UseSystem();
        var users = provider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = provider.GetRequiredService<SalamDbContext>();

        var existing = await users.FindByNameAsync(request.UserName);
        if (existing is { Role: not Role.Admin })
            return OperatorOutcome.Refused($"The user name \"{existing.UserName}\" belongs to an existing {existing.Role} account; "
                + "choose another name for the administrator. Nothing was written.");
        var administrators = await db.Users.AsNoTracking().Where(u => u.Role == Role.Admin).Select(u => u.UserName!).OrderBy(n => n).ToListAsync(cancellationToken);
        if (administrators.Count > 0 && !request.Force)
            return OperatorOutcome.Refused($"An administrator already exists ({string.Join(", ", administrators)}). Nothing was written. "
                + "To add another administrator, or to reset the password of an existing one by naming it, run the command again with --force.");

        return existing is null ? await AddAsync(users, request) : await ResetAsync(users, existing, request.Password);
    }

    private static async Task<OperatorOutcome> AddAsync(UserManager<ApplicationUser> users, AdministratorRequest request)
    {
        var administrator = new ApplicationUser
        {
            UserName = request.UserName,
            FullName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName : request.DisplayName.Trim(),
            Role = Role.Admin,
        };
        var created = await users.CreateAsync(administrator, request.Password);
        return created.Succeeded
            ? OperatorOutcome.Done($"Created the administrator \"{administrator.UserName}\" ({administrator.FullName}). Sign in at /signin.")
            : OperatorOutcome.Refused(Describe(created) + " Nothing was written.");
    }

    // One save (hash, lockout cleared, new stamp): an old sign-in cookie of this account stops working, and the log gets one entry.
    private static async Task<OperatorOutcome> ResetAsync(UserManager<ApplicationUser> users, ApplicationUser administrator, string password)
    {
        administrator.PasswordHash = users.PasswordHasher.HashPassword(administrator, password);
        administrator.LockoutEnd = null;
        administrator.AccessFailedCount = 0;
        var updated = await users.UpdateSecurityStampAsync(administrator);
        return updated.Succeeded
            ? OperatorOutcome.Done($"Reset the password of the administrator \"{administrator.UserName}\" and cleared any lockout; its other sign-ins are ended.")
            : OperatorOutcome.Refused(Describe(updated) + " Nothing was written.");
    }

    private static async Task<OperatorOutcome?> CheckAsync(IServiceProvider services, AdministratorRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var allowed = users.Options.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Any(c => !allowed.Contains(c)))
            return OperatorOutcome.Refused($"The user name \"{request.UserName}\" is not accepted: use only Latin letters, digits and . - _ @ +. Nothing was written.");

        var candidate = new ApplicationUser { UserName = request.UserName, Role = Role.Admin };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, candidate, request.Password)).Errors);
        return errors.Count == 0 ? null
            : new OperatorOutcome(OperatorExitCode.PasswordRefused, "The password is refused: " + string.Join(" ", errors.Select(e => e.Description)) + " Nothing was written.");
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
