using System.Reflection;
using Mediator;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;

namespace Salam.Application.Common.Behaviours;

/// <summary>Refuses, and logs, a request whose role or scope the caller lacks, before anything is read or written.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, ScopeGuard scope, ILogger<AuthorizationBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    private static readonly AllowedRolesAttribute? Allowed = typeof(TMessage).GetCustomAttribute<AllowedRolesAttribute>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var roleAllowed = Allowed is not null && (user.IsSystem ? Allowed.AllowSystem : user.Role is { } role && Allowed.Roles.Contains(role));
        if (!roleAllowed) throw Refuse("role", Text.Get("Forbidden.Role"));

        if (message is INeighbourhoodScoped byNeighbourhood && !await scope.CanReachNeighbourhoodAsync(byNeighbourhood.NeighbourhoodId, cancellationToken))
            throw Refuse($"neighbourhood {byNeighbourhood.NeighbourhoodId}", Text.Get("Forbidden.Scope"));
        if (message is IProvinceScoped byProvince && !scope.CanReachProvince(byProvince.ProvinceId))
            throw Refuse($"province {byProvince.ProvinceId}", Text.Get("Forbidden.Scope"));

        return await next(message, cancellationToken);
    }

    private ForbiddenException Refuse(string what, string message)
    {
        logger.LogWarning("Refused {Request} to user {UserId} ({Role}): {What} is out of reach", typeof(TMessage).Name, user.UserId, user.Role, what);
        return new ForbiddenException(message);
    }
}
