using System.Collections.Concurrent;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>
/// A provider as the drainer sees it: it delivers a key once (a repeated key is answered with the first id, as the real
/// gateway's contract says), and counts every request, every delivery and the deliveries to each recipient, so a retry
/// that used a new key shows as a second delivery to one person. <see cref="Script"/> may answer a request instead.
/// </summary>
internal sealed class CountingGateway : ISmsGateway, IEmailGateway
{
    private readonly ConcurrentDictionary<Guid, string> _delivered = new();
    private readonly ConcurrentDictionary<Guid, int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _toRecipient = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _repeats;

    /// <summary>Given the recipient, the key and the request's number for that key (1 = first), an answer, or null to deliver.</summary>
    public Func<string, Guid, int, DeliveryResult?>? Script { get; set; }

    /// <summary>Runs after a delivery and before the answer (a drainer killed there never hears it).</summary>
    public Func<string, Guid, CancellationToken, Task>? AfterDelivery { get; set; }

    public TimeSpan Delay { get; set; }

    public IReadOnlyDictionary<Guid, string> Delivered => _delivered;
    public int RequestsFor(Guid key) => _requests.GetValueOrDefault(key);
    public int TotalRequests => _requests.Values.Sum();
    /// <summary>Requests for a key that was already delivered: a message sent again (harmless only thanks to the key).</summary>
    public int Repeats => _repeats;
    public int DeliveriesTo(string recipient) => _toRecipient.GetValueOrDefault(recipient);
    public IReadOnlyCollection<string> Bodies => _bodies;

    public Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken) => HandleAsync(sms.Mobile, sms.Text, sms.IdempotencyKey, cancellationToken);

    public Task<DeliveryResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
        HandleAsync(email.Address, $"{email.Subject}|{email.Body}", email.IdempotencyKey, cancellationToken);

    private async Task<DeliveryResult> HandleAsync(string recipient, string body, Guid key, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        var number = _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (_delivered.ContainsKey(key)) Interlocked.Increment(ref _repeats);
        if (Script?.Invoke(recipient, key, number) is { } answer) return answer;
        var id = $"p-{key:N}";
        if (_delivered.TryAdd(key, id))
        {
            _toRecipient.AddOrUpdate(recipient, 1, (_, n) => n + 1);
            _bodies.Enqueue(body);
        }
        if (AfterDelivery is not null) await AfterDelivery(recipient, key, cancellationToken);
        return DeliveryResult.Accepted(_delivered[key]);
    }
}
