using Mediator;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;

namespace Salam.Application.Common.Behaviours;

/// <summary>Logs every request with who sent it.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        logger.LogInformation("Request {Request} by user {UserId} ({Role})", typeof(TMessage).Name, user.IsSystem ? "system" : user.UserId, user.Role);
        return next(message, cancellationToken);
    }
}
