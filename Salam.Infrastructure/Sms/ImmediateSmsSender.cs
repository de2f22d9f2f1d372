using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Sms;

/// <summary>
/// Sign-in codes: straight to the SMS gateway, with a key of their own, past quiet hours and the daily cap, and never stored
/// (a code is a secret). A refused code is logged without its text; the resident can ask for another.
/// </summary>
public sealed class ImmediateSmsSender(ISmsGateway gateway, ILogger<ImmediateSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        var result = await gateway.SendAsync(new OutgoingSms(mobile, text, Guid.NewGuid()), cancellationToken);
        if (result.Outcome != DeliveryOutcome.Accepted)
            logger.LogError("The SMS gateway did not take a sign-in code for {Mobile} ({Outcome}: {Error})", mobile, result.Outcome, result.Error);
    }
}
