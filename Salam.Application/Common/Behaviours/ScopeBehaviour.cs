using Mediator;
using Salam.Application.Common.Security;

namespace Salam.Application.Common.Behaviours;

/// <summary>
/// Refuses, and logs, a request that names something outside the caller's scope, before its handler runs. It comes after
/// validation: resolving scope reads the database for every id a request names, so a tampered list is refused by its size first.
/// </summary>
public sealed class ScopeBehaviour<TMessage, TResponse>(ScopeResolver scopes) : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // AuthorizationBehaviour has already refused a request without a declaration.
        await scopes.EnsureAsync(typeof(TMessage).Name, ((IScoped)message).ScopeTargets(), cancellationToken);
        return await next(message, cancellationToken);
    }
}
