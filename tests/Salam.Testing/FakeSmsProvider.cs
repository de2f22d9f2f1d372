using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Salam.Testing;

/// <summary>
/// An SMS gateway that speaks docs/SMS_GATEWAY.md, on a free loopback port, for tests and the notify benchmark (which links
/// this file). It checks the bearer key, dedupes by idempotency key (a repeated key answers 200 with the first message id)
/// and counts what it delivered. Failures can be injected: a share of requests answered 503 (nothing delivered), a share
/// that time out (delivered, then answered too late: the answer is lost, as when a network drops it), and numbers it
/// refuses for good (422). It parses the documented field names itself, so a gateway that misnames one fails its tests.
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string Path = "/v1/messages";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, Delivery> _byKey = new();
    private readonly ConcurrentDictionary<(string To, string Text), int> _byMessage = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly Random _random;
    private readonly CancellationTokenSource _stopping = new();
    private long _requests, _repeatedKeys, _duplicates, _failures, _timeouts, _refused, _unauthorised, _nextId, _failNext, _timeOutNext;

    private FakeSmsProvider(WebApplication app, string apiKey, int seed)
    {
        _app = app;
        ApiKey = apiKey;
        _random = new Random(seed);
    }

    public string ApiKey { get; }
    public Uri Url { get; private set; } = null!;

    /// <summary>Share of requests (0..1) answered 503 without delivering.</summary>
    public double FailureRate { get; set; }
    /// <summary>Share of requests (0..1) delivered but answered only after <see cref="TimeoutDelay"/> (past the client's timeout).</summary>
    public double TimeoutRate { get; set; }
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Numbers answered 422 (the gateway says they cannot take SMS).</summary>
    public ConcurrentDictionary<string, bool> RefusedNumbers { get; } = new();
    /// <summary>The next n requests fail (503) / time out, before the random shares apply: for tests that need one exact story.</summary>
    public void FailNext(int requests) => Interlocked.Exchange(ref _failNext, requests);
    public void TimeOutNext(int requests) => Interlocked.Exchange(ref _timeOutNext, requests);
    /// <summary>Answer every request with this status instead (429, 500, 401 ...), until set back to null.</summary>
    public int? ForcedStatus { get; set; }

    public long Requests => Interlocked.Read(ref _requests);
    /// <summary>Messages handed on to phones: one per idempotency key.</summary>
    public int Delivered => _byKey.Count;
    /// <summary>Requests with a key already delivered (a retry after a lost answer): answered with the first id, not delivered again.</summary>
    public long RepeatedKeys => Interlocked.Read(ref _repeatedKeys);
    /// <summary>The same text to the same number delivered under a second key: what the outbox must never cause.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Failures => Interlocked.Read(ref _failures);
    public long Timeouts => Interlocked.Read(ref _timeouts);
    public long Refused => Interlocked.Read(ref _refused);
    public long Unauthorised => Interlocked.Read(ref _unauthorised);
    public IReadOnlyCollection<Delivery> Deliveries => _deliveries;

    public int DeliveredTo(string mobile) => _deliveries.Count(d => d.To == mobile);

    public static async Task<FakeSmsProvider> StartAsync(string apiKey = "fake-sms-key", int seed = 18, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var provider = new FakeSmsProvider(app, apiKey, seed);
        app.MapPost(Path, provider.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Url = new Uri(address.TrimEnd('/') + Path);
        return provider;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            Interlocked.Increment(ref _unauthorised);
            await AnswerAsync(context, StatusCodes.Status401Unauthorized, error: "invalid api key");
            return;
        }
        if (ForcedStatus is { } forced)
        {
            await AnswerAsync(context, forced, error: "forced");
            return;
        }
        if (await ReadAsync(context) is not { } message)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, error: "to, from, text and idempotencyKey are required, the key also as Idempotency-Key");
            return;
        }
        if (RefusedNumbers.ContainsKey(message.To))
        {
            Interlocked.Increment(ref _refused);
            await AnswerAsync(context, StatusCodes.Status422UnprocessableEntity, error: "number cannot receive SMS");
            return;
        }
        var (fail, timeOut) = Draw();
        if (fail)
        {
            Interlocked.Increment(ref _failures);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, error: "try again");
            return;
        }
        var (delivery, fresh) = Deliver(message);
        if (timeOut)
        {
            Interlocked.Increment(ref _timeouts);
            // The client gives up first: the answer is lost, the message (if new) is not.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try { await Task.Delay(TimeoutDelay, either.Token); } catch (OperationCanceledException) { return; }
        }
        await AnswerAsync(context, fresh ? StatusCodes.Status202Accepted : StatusCodes.Status200OK, delivery.MessageId, "accepted");
    }

    private (Delivery Delivery, bool Fresh) Deliver(Message message)
    {
        var made = new Delivery(message.To, message.From, message.Text, message.Key,
            "fake-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
        var kept = _byKey.GetOrAdd(message.Key, made);
        if (!ReferenceEquals(kept, made))
        {
            Interlocked.Increment(ref _repeatedKeys);
            return (kept, false);
        }
        if (_byMessage.AddOrUpdate((message.To, message.Text), 1, (_, n) => n + 1) > 1) Interlocked.Increment(ref _duplicates);
        _deliveries.Enqueue(made);
        return (made, true);
    }

    private (bool Fail, bool TimeOut) Draw()
    {
        if (Interlocked.Decrement(ref _failNext) >= 0) return (true, false);
        if (Interlocked.Decrement(ref _timeOutNext) >= 0) return (false, true);
        lock (_random)
        {
            var roll = _random.NextDouble();
            return (roll < FailureRate, roll >= FailureRate && roll < FailureRate + TimeoutRate);
        }
    }

    private static async Task<Message?> ReadAsync(HttpContext context)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = json.RootElement;
            string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var (to, from, text, key) = (Field("to"), Field("from"), Field("text"), Field("idempotencyKey"));
            if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(from) || string.IsNullOrEmpty(text)
                || !Guid.TryParse(key, out var parsed) || !Guid.TryParse(context.Request.Headers["Idempotency-Key"].ToString(), out var header) || header != parsed)
                return null;
            return new Message(to, from, text, parsed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string? messageId = null, string? state = null, string? error = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Answer(messageId, state ?? "rejected", error), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record Message(string To, string From, string Text, Guid Key);

    private sealed record Answer(string? MessageId, string Status, string? Error);

    public sealed record Delivery(string To, string From, string Text, Guid Key, string MessageId, DateTimeOffset At);
}
