using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Sms;

/// <summary>Outside development with no gateway configured: refuse loudly rather than pretend a code was sent.</summary>
public sealed class UnconfiguredSmsSender(ILogger<UnconfiguredSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        logger.LogError("No SMS gateway is configured; a sign-in code for {Mobile} was not sent", mobile);
        throw new InvalidOperationException("No SMS gateway is configured (Notifications:Sms:Provider).");
    }
}
