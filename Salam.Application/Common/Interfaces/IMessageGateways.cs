namespace Salam.Application.Common.Interfaces;

/// <summary>
/// The port to an SMS provider (Salam.Infrastructure/Notifications: the HTTP gateway, or the development outbox). The
/// idempotency key is the same on every attempt at one message, so a provider that already accepted it does not send it again.
/// </summary>
public interface ISmsGateway
{
    Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}

/// <summary>The port to staff e-mail (SMTP through MailKit, or the development outbox).</summary>
public interface IEmailGateway
{
    Task<DeliveryResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

public sealed record OutgoingSms(string Mobile, string Text, Guid IdempotencyKey);

public sealed record OutgoingEmail(string Address, string Subject, string Body, Guid IdempotencyKey);

/// <summary>Accepted: the provider took it. Transient: try again later. Permanent: it will never go (a bad number), so it is dead at once.</summary>
public enum DeliveryOutcome { Accepted = 0, Transient = 1, Permanent = 2 }

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? ProviderMessageId = null, string? Error = null)
{
    public static DeliveryResult Accepted(string? providerMessageId) => new(DeliveryOutcome.Accepted, providerMessageId);
    public static DeliveryResult Transient(string error) => new(DeliveryOutcome.Transient, Error: error);
    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, Error: error);
}
