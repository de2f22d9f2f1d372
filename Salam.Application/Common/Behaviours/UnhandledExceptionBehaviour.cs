using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Domain.Common;

namespace Salam.Application.Common.Behaviours;

/// <summary>
/// Turns broken domain rules into translated refusals, and a row someone else changed between this request's read and its save
/// (a concurrency token the handler did not retry on) into "look again"; logs anything unexpected.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TMessage, TResponse>(ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainException exception)
        {
            logger.LogInformation("Request {Request} refused by rule {Rule}", typeof(TMessage).Name, exception.Code);
            throw new RequestRefusedException(Text.Of(exception));
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Request {Request} refused: a row it changed was changed by another request first", typeof(TMessage).Name);
            throw new RequestRefusedException(Text.Get("Request.Stale"));
        }
        catch (Exception exception) when (exception is not RequestRefusedException and not OperationCanceledException)
        {
            logger.LogError(exception, "Request {Request} failed", typeof(TMessage).Name);
            throw;
        }
    }
}
