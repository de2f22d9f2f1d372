using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Notifications;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>The drainer's rules, each on the real database through the real drainer, with a counting provider.</summary>
public sealed class OutboxDrainerTests : IAsyncLifetime
{
    private readonly CountingGateway _provider = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await OutboxArrange.StartWithAsync(_provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ManualClock Clock => _app.Clock;

    [Fact]
    public async Task Due_messages_go_out_with_their_own_idempotency_key_and_are_marked_sent()
    {
        var queued = await _app.QueueAsync([OutboxArrange.Sms(OutboxArrange.Mobile(), Clock.Now), OutboxArrange.Email("m@example.org", Clock.Now)]);

        var summary = await _app.Services.DrainAsync();

        Assert.Equal(2, summary.Sent);
        foreach (var message in queued)
        {
            var stored = await _app.MessageAsync(message.Id);
            Assert.Equal(MessageStatus.Sent, stored.Status);
            Assert.Equal(Clock.Now, stored.SentAt);
            Assert.Equal($"p-{stored.IdempotencyKey:N}", stored.ProviderMessageId);
            Assert.Null(stored.LockedBy);
            Assert.Equal(1, _provider.RequestsFor(stored.IdempotencyKey));
        }
        Assert.Contains("Subject|Body to m@example.org", _provider.Bodies);
        Assert.Equal(DrainSummary.None, await _app.Services.DrainAsync());
    }

    [Fact]
    public async Task A_message_not_yet_due_waits()
    {
        var later = OutboxArrange.Sms(OutboxArrange.Mobile(), Clock.Now.AddMinutes(5));
        var queued = (await _app.QueueAsync([later]))[0];

        await _app.Services.DrainAsync();

        Assert.Equal(MessageStatus.Pending, (await _app.MessageAsync(queued.Id)).Status);
        Assert.Equal(0, _provider.RequestsFor(queued.IdempotencyKey));
    }

    [Fact]
    public async Task A_failing_message_is_retried_after_1_2_4_8_16_minutes_with_the_same_key_and_dead_at_the_sixth_failure()
    {
        var mobile = OutboxArrange.Mobile();
        _provider.Script = (to, _, _) => to == mobile ? DeliveryResult.Transient("503 from the gateway") : null;
        var queued = (await _app.QueueAsync([OutboxArrange.Sms(mobile, Clock.Now)]))[0];

        foreach (var (attempt, wait) in new[] { (1, 1), (2, 2), (3, 4), (4, 8), (5, 16) })
        {
            await _app.Services.DrainAsync();
            var stored = await _app.MessageAsync(queued.Id);
            Assert.Equal((MessageStatus.Pending, attempt, "503 from the gateway"), (stored.Status, stored.Attempts, stored.LastError));
            Assert.Equal(Clock.Now.AddMinutes(wait), stored.NextAttemptAt);
            // Not a moment before its time.
            Clock.Advance(TimeSpan.FromMinutes(wait) - TimeSpan.FromSeconds(1));
            await _app.Services.DrainAsync();
            Assert.Equal(attempt, _provider.RequestsFor(queued.IdempotencyKey));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await _app.Services.DrainAsync();

        var dead = await _app.MessageAsync(queued.Id);
        Assert.Equal((MessageStatus.Dead, OutboxMessage.MaxAttempts, Clock.Now), (dead.Status, dead.Attempts, dead.DeadAt));
        Assert.Equal(6, _provider.RequestsFor(queued.IdempotencyKey));
        Clock.Advance(TimeSpan.FromHours(1));
        await _app.Services.DrainAsync();
        Assert.Equal(6, _provider.RequestsFor(queued.IdempotencyKey));
    }

    [Fact]
    public async Task A_permanent_refusal_is_dead_at_once_and_an_admin_retry_sends_it_with_the_same_key()
    {
        var mobile = OutboxArrange.Mobile();
        _provider.Script = (to, _, n) => to == mobile && n == 1 ? DeliveryResult.Permanent("422 bad number") : null;
        var queued = (await _app.QueueAsync([OutboxArrange.Sms(mobile, Clock.Now)]))[0];

        Assert.Equal(1, (await _app.Services.DrainAsync()).Dead);
        var dead = await _app.MessageAsync(queued.Id);
        Assert.Equal((MessageStatus.Dead, 1, "422 bad number"), (dead.Status, dead.Attempts, dead.LastError));

        await _app.ReadAsync(async db =>
        {
            (await db.OutboxMessages.FindAsync(queued.Id))!.Retry(Clock.Now);
            return await db.SaveChangesAsync();
        });
        await _app.Services.DrainAsync();

        Assert.Equal(MessageStatus.Sent, (await _app.MessageAsync(queued.Id)).Status);
        Assert.Equal(2, _provider.RequestsFor(queued.IdempotencyKey));
        Assert.Equal(1, _provider.DeliveriesTo(mobile));
    }

    [Fact]
    public async Task A_gateway_that_throws_is_a_transient_failure_not_a_lost_message()
    {
        var mobile = OutboxArrange.Mobile();
        _provider.Script = (to, _, _) => to == mobile ? throw new HttpRequestException("connection refused") : null;
        var queued = (await _app.QueueAsync([OutboxArrange.Sms(mobile, Clock.Now)]))[0];

        await _app.Services.DrainAsync();

        var stored = await _app.MessageAsync(queued.Id);
        Assert.Equal((MessageStatus.Pending, 1), (stored.Status, stored.Attempts));
        Assert.Equal("HttpRequestException: connection refused", stored.LastError);
    }

    [Theory]
    [InlineData(22, 0, 1)] // 22:00 Tehran: tomorrow 08:00
    [InlineData(23, 59, 1)]
    [InlineData(2, 0, 0)] // 02:00: today 08:00
    [InlineData(7, 59, 0)]
    public async Task An_sms_in_quiet_hours_waits_for_eight_in_tehran_without_counting_an_attempt_but_an_email_goes(int hour, int minute, int days)
    {
        var tehran = TimeSpan.FromHours(3.5);
        Clock.Advance(new DateTimeOffset(2026, 12, 6, hour, minute, 0, tehran) - Clock.Now);
        var (sms, email) = (OutboxArrange.Sms(OutboxArrange.Mobile(), Clock.Now), OutboxArrange.Email($"n{hour}{minute}@example.org", Clock.Now));
        await _app.QueueAsync([sms, email]);

        var summary = await _app.Services.DrainAsync();

        Assert.Equal((1, 1), (summary.Sent, summary.Deferred));
        var waiting = await _app.MessageAsync(sms.Id);
        Assert.Equal((MessageStatus.Pending, 0), (waiting.Status, waiting.Attempts));
        Assert.Equal(new DateTimeOffset(2026, 12, 6 + days, 8, 0, 0, tehran), waiting.NextAttemptAt);
        Assert.Equal(0, _provider.RequestsFor(sms.IdempotencyKey));
        Assert.Equal(MessageStatus.Sent, (await _app.MessageAsync(email.Id)).Status);

        Clock.Advance(waiting.NextAttemptAt - Clock.Now);
        await _app.Services.DrainAsync();
        Assert.Equal(MessageStatus.Sent, (await _app.MessageAsync(sms.Id)).Status);
    }

    [Fact]
    public async Task A_number_past_its_daily_cap_is_texted_again_tomorrow_morning_and_others_are_not_held_up()
    {
        var (busy, other) = (OutboxArrange.Mobile(), OutboxArrange.Mobile());
        await _app.QueueAsync(Enumerable.Range(0, 4).Select(_ => OutboxArrange.Sms(busy, Clock.Now)));
        await _app.Services.DrainAsync();
        Clock.Advance(TimeSpan.FromHours(3));
        var later = await _app.QueueAsync(Enumerable.Range(0, 3).Select(_ => OutboxArrange.Sms(busy, Clock.Now)).Append(OutboxArrange.Sms(other, Clock.Now)));

        var summary = await _app.Services.DrainAsync();

        Assert.Equal((2, 2), (summary.Sent, summary.Deferred));
        Assert.Equal(5, _provider.DeliveriesTo(busy));
        Assert.Equal(1, _provider.DeliveriesTo(other));
        var held = (await _app.MessagesAsync()).Where(m => m.Status == MessageStatus.Pending).ToList();
        var tomorrowEight = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.FromHours(3.5));
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Equal((0, busy, tomorrowEight), (m.Attempts, m.Recipient, m.NextAttemptAt)));

        Clock.Advance(tomorrowEight - Clock.Now);
        await _app.Services.DrainAsync();
        Assert.Equal(7, _provider.DeliveriesTo(busy));
    }
}
