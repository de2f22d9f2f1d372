using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Notifications.Common;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Notifications;
using Salam.Testing;
using Xunit.Abstractions;

namespace Salam.Infrastructure.Tests.Providers;

/// <summary>
/// The outbox through the real drainer and the real HTTP gateway to a fake gateway that fails 30% of requests with 503 and
/// loses the answer to 10% more (it delivers, then answers after the client gave up): every message is delivered, and
/// delivered once. Drains run as the job runs them, the clock moved past the longest backoff between them.
/// </summary>
public sealed class DeliveryReliabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 300;
    /// <summary>10:00 in Tehran: hours before quiet hours, however many drains it takes.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 5, 6, 30, 0, TimeSpan.Zero);
    private FakeSmsProvider _fake = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSmsProvider.StartAsync("reliability-key", seed: 18);
        _app = await TestApp.StartAsync(seedDemoData: false, now: Morning, settings: new Dictionary<string, string?>
        {
            ["Notifications:Sms:Provider"] = "Http",
            ["Notifications:Sms:Http:Url"] = _fake.Url.ToString(),
            ["Notifications:Sms:Http:ApiKey"] = "reliability-key",
            ["Notifications:Sms:Http:Sender"] = "3000-SALAM",
            ["Notifications:Sms:Http:TimeoutSeconds"] = "0.25",
            ["Notifications:Email:Provider"] = "None",
            ["Notifications:Outbox:BatchSize"] = "50",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Provider_failing_30_percent_and_timing_out_on_some_gets_every_message_exactly_once_and_none_is_lost()
    {
        _fake.FailureRate = 0.3;
        _fake.TimeoutRate = 0.1;
        _fake.TimeoutDelay = TimeSpan.FromSeconds(3);
        await QueueAsync();

        var drains = 0;
        for (; drains < 12 && await PendingAsync() > 0; drains++)
        {
            await using (var scope = _app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OutboxDrainer>().DrainAsync(CancellationToken.None);
            // Past the longest backoff (16 minutes), so every failed message is due again.
            _app.Clock.Advance(TimeSpan.FromMinutes(16));
        }

        var stored = await _app.ReadAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        output.WriteLine($"{drains} drains; the gateway saw {_fake.Requests} requests: {_fake.Failures} failed (503), {_fake.Timeouts} answers lost, " +
            $"{_fake.RepeatedKeys} repeated keys; delivered {_fake.Delivered}, duplicates {_fake.Duplicates}; {stored.Count(m => m.Attempts > 0)} messages needed a second attempt");
        Assert.Equal(Messages, stored.Count);
        Assert.All(stored, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.Equal(Messages, _fake.Delivered);
        Assert.Equal(0, _fake.Duplicates);
        var delivered = _fake.Deliveries.ToDictionary(d => d.Key);
        Assert.All(stored, m =>
        {
            var delivery = delivered[m.IdempotencyKey];
            Assert.Equal((m.Recipient, m.Body, delivery.MessageId), (delivery.To, delivery.Text, m.ProviderMessageId));
        });
        // The hard paths were taken: refused tries, lost answers answered again by key, and attempts the outbox retried.
        Assert.True(_fake.Failures > Messages / 10, $"{_fake.Failures} failures");
        Assert.True(_fake.Timeouts > Messages / 50, $"{_fake.Timeouts} lost answers");
        Assert.True(_fake.RepeatedKeys > 0, "no retry after a lost answer");
        Assert.Contains(stored, m => m.Attempts > 0);
    }

    private Task<int> PendingAsync() => _app.ReadAsync(db => db.OutboxMessages.CountAsync(m => m.Status == MessageStatus.Pending));

    private Task QueueAsync() => _app.ReadAsync(async db =>
    {
        for (var i = 0; i < Messages; i++)
            db.OutboxMessages.Add(new OutboxMessage(MessageKind.RoundOpened, MessageChannel.Sms, $"0936{i:D7}", null, $"دور تازهٔ محلهٔ شما باز شد (پیام {i}). لغو: ۱۱",
                Outbox.Topic(MessageKind.RoundOpened, $"reliability:{i}"), $"r{i}", _app.Clock.Now));
        return await db.SaveChangesAsync();
    });
}
