using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Salam.Infrastructure.Identity;

namespace Salam.Web.Common;

/// <summary>
/// How pages send requests: each in its own DI scope, so a Blazor circuit never keeps one DbContext across operations.
/// The caller's identity is carried into that scope from the circuit's (or request's) authentication state.
/// </summary>
public sealed class RequestSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(state.User);
        return scope;
    }
}
