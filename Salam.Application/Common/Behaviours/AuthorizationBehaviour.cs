using System.Reflection;
using Mediator;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;

namespace Salam.Application.Common.Behaviours;

/// <summary>
/// Refuses, and logs, a request whose role the caller lacks, before anything is read or written. A request declares its roles
/// (<see cref="AllowedRolesAttribute"/>) and its scope (<see cref="IScoped"/>, checked by <see cref="ScopeBehaviour{TMessage, TResponse}"/>);
/// one that declares either not is refused to all.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, ILogger<AuthorizationBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    private static readonly AllowedRolesAttribute? Allowed = typeof(TMessage).GetCustomAttribute<AllowedRolesAttribute>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var roleAllowed = Allowed is not null && (Allowed.Public || (user.IsSystem ? Allowed.AllowSystem : user.Role is { } role && Allowed.Roles.Contains(role)));
        if (!roleAllowed) throw Refuse("role");
        if (message is not IScoped) throw Refuse("scope declaration");
        return await next(message, cancellationToken);
    }

    private ForbiddenException Refuse(string what)
    {
        logger.LogWarning("Refused {Request} to user {UserId} ({Role}): no {What} allows it", typeof(TMessage).Name, user.UserId, user.Role, what);
        return new ForbiddenException(Text.Get("Forbidden.Role"));
    }
}
