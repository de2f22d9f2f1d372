using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The app with two-factor sign-in required for its default roles (administrators, ministry staff, provincial officers).</summary>
public class TwoFactorWebFactory : SalamWebFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Security:RequireTwoFactor"] = "true",
    };
}

/// <summary>Enrolling and signing in with an authenticator app through the real pages, as a person with a phone would.</summary>
internal static class TwoFactorFlows
{
    public const string EnrolmentPage = "/account/two-factor";

    /// <summary>Scans (reads the key), confirms with a code typed in Persian digits, and returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(this HttpClient client)
    {
        var key = Authenticator.KeyOn(await client.GetStringAsync(EnrolmentPage));
        var confirmed = await client.SubmitAsync(EnrolmentPage, "confirm", new Dictionary<string, string> { ["Confirm.Code"] = Digits.ToPersian(Authenticator.Code(key)) });
        var codes = Authenticator.RecoveryCodesOn(await confirmed.Content.ReadAsStringAsync());
        if (codes.Count == 0) throw new InvalidOperationException($"Enrolment showed no recovery codes ({confirmed.StatusCode})");
        return (key, codes);
    }

    /// <summary>Where a redirect leads, without its query (pages redirect with absolute addresses, the sign-in restriction with paths).</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    public static Task<HttpResponseMessage> EnterSecondStepAsync(this HttpClient client, string code) =>
        client.SubmitAsync("/signin/two-factor", "two-factor", new Dictionary<string, string> { ["Form.Code"] = code });

    public static async Task<T> WithAccountAsync<T>(this SalamWebFactory factory, string userName, Func<UserManager<ApplicationUser>, ApplicationUser, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await read(users, await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}"));
    }

    public static Task<ApplicationUser> AccountAsync(this SalamWebFactory factory, string userName) =>
        factory.WithAccountAsync(userName, (_, user) => Task.FromResult(user));

    public static Task ChangeAccountAsync(this SalamWebFactory factory, string userName, Action<ApplicationUser> change) =>
        factory.WithAccountAsync(userName, async (users, user) =>
        {
            change(user);
            var result = await users.UpdateAsync(user);
            return result.Succeeded ? user : throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        });
}
