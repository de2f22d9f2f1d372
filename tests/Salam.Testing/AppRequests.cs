using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
namespace Salam.Testing;

/// <summary>Sends a request through the running app's own pipeline as a given person, to set a scene a test then reads over HTTP.</summary>
public static class AppRequests
{
    public static async Task<T> SendAsStaffAsync<T>(this SalamWebFactory factory, string userName, IMessage request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}");
        return await SendAsync<T>(scope, await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user), request);
    }

    public static async Task<T> SendAsResidentAsync<T>(this SalamWebFactory factory, string mobile, IMessage request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<ResidentAccounts>().FindOrCreateAsync(MobileNumber.Parse(mobile), CancellationToken.None)
            ?? throw new InvalidOperationException($"No resident {mobile}");
        return await SendAsync<T>(scope, await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account), request);
    }

    private static async Task<T> SendAsync<T>(AsyncServiceScope scope, ClaimsPrincipal user, IMessage request)
    {
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(user);
        return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send((object)request))!;
    }
}
