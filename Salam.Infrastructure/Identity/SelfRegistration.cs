using System.Globalization;
using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Residents.Commands.RegisterSelf;
using Salam.Application.Residents.Queries;
using Salam.Domain.People;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// The gate of self-registration. A person without an account proves their mobile with a code; the gate then gives them a
/// pass (protected, valid <see cref="PassLifetime"/>) that names the number, and sends their registration as the system,
/// the only caller a person without an account can be. A pass allows <see cref="MaxRefusals"/> refused attempts (a national
/// id already taken, say), so one code cannot be used to test national ids one after another.
/// </summary>
public sealed class SelfRegistration(IServiceScopeFactory scopes, IDataProtectionProvider protection, ResidentAccounts accounts)
{
    public static readonly TimeSpan PassLifetime = TimeSpan.FromMinutes(30);
    public const int MaxRefusals = 5;

    private readonly ITimeLimitedDataProtector _passes = protection.CreateProtector("Salam.SelfRegistration").ToTimeLimitedDataProtector();

    public string IssuePass(MobileNumber mobile, int refusals = 0) =>
        _passes.Protect(string.Create(CultureInfo.InvariantCulture, $"{mobile.Value}|{refusals}"), PassLifetime);

    /// <summary>The mobile and refusals a pass carries, or null when it is missing, forged, expired or used up.</summary>
    public (MobileNumber Mobile, int Refusals)? ReadPass(string? pass)
    {
        if (string.IsNullOrEmpty(pass)) return null;
        try
        {
            var parts = _passes.Unprotect(pass).Split('|');
            if (parts.Length != 2 || !MobileNumber.TryParse(parts[0], out var mobile) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var refusals)) return null;
            return refusals >= MaxRefusals ? null : (mobile, refusals);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task<RegistrationPlaces> PlacesAsync(int? provinceId, int? countyId, CancellationToken cancellationToken) =>
        AsSystemAsync(sender => sender.Send(new GetRegistrationPlaces(provinceId, countyId), cancellationToken));

    /// <summary>Registers the person (pending) and returns their new sign-in account.</summary>
    public async Task<ApplicationUser> RegisterAsync(MobileNumber mobile, string fullName, string nationalId, int neighbourhoodId, CancellationToken cancellationToken)
    {
        await AsSystemAsync(sender => sender.Send(new RegisterSelf(mobile.Value, fullName, nationalId, neighbourhoodId), cancellationToken));
        return await accounts.FindOrCreateAsync(mobile, cancellationToken)
            ?? throw new InvalidOperationException("A resident just registered has no account");
    }

    private async Task<T> AsSystemAsync<T>(Func<ISender, ValueTask<T>> send)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }
}
