using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Salam.Application.Common.Behaviours;

/// <summary>Warns about requests slow enough for a user to notice.</summary>
public sealed class PerformanceBehaviour<TMessage, TResponse>(ILogger<PerformanceBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > Slow) logger.LogWarning("Slow request {Request}: {Elapsed} ms", typeof(TMessage).Name, (int)elapsed.TotalMilliseconds);
        return response;
    }
}
