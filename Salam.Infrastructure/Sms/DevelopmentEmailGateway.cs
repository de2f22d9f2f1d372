using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;

namespace Salam.Infrastructure.Sms;

/// <summary>Development only: staff e-mail goes to the log and to the same development outbox as the texts (/dev/sms).</summary>
public sealed class DevelopmentEmailGateway(DevelopmentSmsSender outbox, ILogger<DevelopmentEmailGateway> logger) : IEmailGateway
{
    public Task<DeliveryResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        logger.LogWarning("Development e-mail to {Address}: {Subject}", email.Address, email.Subject);
        return Task.FromResult(outbox.Record(new SentSms(email.Address, email.Body, DateTimeOffset.UtcNow, email.IdempotencyKey, MessageChannel.Email, email.Subject)));
    }
}
