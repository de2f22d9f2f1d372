using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Notifications;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>
/// Claims under a lease: a drainer killed between the provider's accept and its mark, a drainer whose lease ran out, and
/// two drainers at once on the lane's database (SQLite, or PostgreSQL in that lane): never a message twice, none lost.
/// </summary>
public sealed class OutboxLeaseTests : IAsyncLifetime
{
    private readonly CountingGateway _provider = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await OutboxArrange.StartWithAsync(_provider, new Dictionary<string, string?> { ["Notifications:Outbox:BatchSize"] = "10", ["Notifications:Outbox:Parallelism"] = "1" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private int LeaseSeconds => _app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.LeaseSeconds;

    [Fact]
    public async Task A_drainer_killed_after_the_provider_accepted_is_taken_over_when_its_lease_expires_and_the_retry_reuses_the_key()
    {
        var queued = await _app.QueueAsync(Enumerable.Range(0, 10).Select(_ => OutboxArrange.Sms(OutboxArrange.Mobile(), _app.Clock.Now)));
        var dying = queued[3];
        var killedThere = new TaskCompletionSource();
        // The first drainer's process dies right after the provider accepted its fourth message: it never hears the answer.
        _provider.AfterDelivery = async (_, key, token) =>
        {
            if (key != dying.IdempotencyKey || killedThere.Task.IsCompleted) return;
            killedThere.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        };
        using var kill = new CancellationTokenSource();
        var first = _app.Services.DrainAsync(kill.Token);
        await killedThere.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Before the lease expires nobody else may touch the batch.
        Assert.Equal(DrainSummary.None, await _app.Services.DrainAsync());
        Assert.All(await _app.MessagesAsync(), m => Assert.Equal(MessageStatus.Pending, m.Status));
        _app.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds + 1));
        var second = await _app.Services.DrainAsync();

        Assert.Equal(10, second.Sent);
        var stored = await _app.MessagesAsync();
        Assert.All(stored, m => Assert.Equal((MessageStatus.Sent, $"p-{m.IdempotencyKey:N}"), (m.Status, m.ProviderMessageId)));
        Assert.All(queued, m => Assert.Equal(1, _provider.DeliveriesTo(m.Recipient)));
        // The four the dead drainer had sent were asked again with the same key (and delivered once); the rest once.
        Assert.All(queued.Take(4), m => Assert.Equal(2, _provider.RequestsFor(m.IdempotencyKey)));
        Assert.All(queued.Skip(4), m => Assert.Equal(1, _provider.RequestsFor(m.IdempotencyKey)));
        Assert.Equal(4, _provider.Repeats);
        Assert.Equal(queued.Select(m => m.IdempotencyKey).ToHashSet(), _provider.Delivered.Keys.ToHashSet());

        // The killed drainer, should it ever come back, writes nothing over the rows it lost.
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(stored.Select(m => (m.Id, m.Status, m.SentAt, m.Attempts, m.LockedBy)), (await _app.MessagesAsync()).Select(m => (m.Id, m.Status, m.SentAt, m.Attempts, m.LockedBy)));
    }

    [Fact]
    public async Task A_drainer_whose_lease_ran_out_mid_batch_writes_nothing_over_the_drainer_that_took_over()
    {
        var slow = (await _app.QueueAsync([OutboxArrange.Sms(OutboxArrange.Mobile(), _app.Clock.Now)]))[0];
        var waiting = new TaskCompletionSource();
        var answer = new TaskCompletionSource<DeliveryResult?>();
        _provider.Script = (_, _, n) =>
        {
            if (n != 1) return null;
            waiting.SetResult();
            // The first request hangs until the test lets it fail.
            return answer.Task.GetAwaiter().GetResult();
        };
        var stale = Task.Run(() => _app.Services.DrainAsync());
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _app.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds + 1));

        Assert.Equal(1, (await _app.Services.DrainAsync()).Sent);
        answer.SetResult(DeliveryResult.Transient("timeout"));
        var late = await stale;

        Assert.Equal(1, late.Failed);
        var stored = await _app.MessageAsync(slow.Id);
        Assert.Equal((MessageStatus.Sent, 0, null), (stored.Status, stored.Attempts, stored.LastError));
    }

    [Fact]
    public async Task A_slow_provider_never_gets_a_message_whose_lease_has_run_out_the_batch_stops_at_half_its_lease_and_the_rest_is_claimed_again()
    {
        var queued = await _app.QueueAsync(Enumerable.Range(0, 10).Select(_ => OutboxArrange.Sms(OutboxArrange.Mobile(), _app.Clock.Now)));
        var unheld = new List<Guid>();
        // Each request takes a third of the lease: a batch of ten would run past its lease three times over.
        _provider.Script = (_, key, _) =>
        {
            var now = _app.Clock.Now;
            var held = _app.ReadAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key && m.LockedBy != null && m.LockedUntil > now)).GetAwaiter().GetResult();
            if (!held) lock (unheld) unheld.Add(key);
            _app.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds / 3.0));
            return null;
        };

        var summary = await _app.Services.DrainAsync();

        Assert.Empty(unheld);
        Assert.Equal(10, summary.Sent);
        Assert.All(await _app.MessagesAsync(), m => Assert.Equal((MessageStatus.Sent, 0), (m.Status, m.Attempts)));
        Assert.All(queued, m => Assert.Equal(1, _provider.RequestsFor(m.IdempotencyKey)));
    }

    [Fact]
    public async Task Two_drainers_at_once_send_every_message_exactly_once()
    {
        var queued = await _app.QueueAsync(Enumerable.Range(0, 300).Select(i => i % 5 == 0
            ? OutboxArrange.Email($"staff{i}@example.org", _app.Clock.Now)
            : OutboxArrange.Sms(OutboxArrange.Mobile(), _app.Clock.Now)));
        _provider.Delay = TimeSpan.FromMilliseconds(1);

        var summaries = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _app.Services.DrainAsync())));

        Assert.Equal(300, summaries.Sum(s => s.Sent));
        Assert.All(summaries, s => Assert.True(s.Sent > 0, "both drainers took a share"));
        Assert.All(await _app.MessagesAsync(), m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.All(queued, m => Assert.Equal(1, _provider.RequestsFor(m.IdempotencyKey)));
        Assert.Equal((300, 0), (_provider.TotalRequests, _provider.Repeats));
    }
}
