using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;

namespace Salam.Infrastructure.Sms;

/// <summary>
/// Development only: the SMS gateway that sends nothing. Every text (sign-in codes and the outbox's messages) and every
/// staff e-mail (<see cref="DevelopmentEmailGateway"/>) goes to the log and to the /dev/sms page. Like a real provider, a
/// repeated idempotency key is answered with the first message's id and not recorded again.
/// </summary>
public sealed class DevelopmentSmsSender(ILogger<DevelopmentSmsSender> logger) : ISmsGateway
{
    private const int Kept = 500;
    private readonly ConcurrentQueue<SentSms> _sent = new();

    public Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        logger.LogWarning("Development SMS to {Mobile}: {Text}", sms.Mobile, sms.Text);
        return Task.FromResult(Record(new SentSms(sms.Mobile, sms.Text, DateTimeOffset.UtcNow, sms.IdempotencyKey)));
    }

    internal DeliveryResult Record(SentSms message)
    {
        lock (_sent)
        {
            if (_sent.FirstOrDefault(s => s.IdempotencyKey == message.IdempotencyKey) is { } first) return DeliveryResult.Accepted(first.Id);
            _sent.Enqueue(message);
            while (_sent.Count > Kept) _sent.TryDequeue(out _);
            return DeliveryResult.Accepted(message.Id);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SentSms> Recent() => _sent.Reverse().ToList();

    public string? LastTextTo(string mobile) => _sent.LastOrDefault(s => s.Mobile == mobile)?.Text;
}

/// <summary>A text (or, on <see cref="MessageChannel.Email"/>, an e-mail to the address in <see cref="Mobile"/>) the development outbox kept.</summary>
public sealed record SentSms(string Mobile, string Text, DateTimeOffset At, Guid IdempotencyKey, MessageChannel Channel = MessageChannel.Sms, string? Subject = null)
{
    public string Id => $"dev-{IdempotencyKey:N}";
}
