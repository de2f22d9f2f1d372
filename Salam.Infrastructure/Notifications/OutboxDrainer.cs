using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Common;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Notifications;

/// <summary>What one drain did.</summary>
public sealed record DrainSummary(int Sent, int Failed, int Dead, int Deferred, int Cancelled)
{
    public static readonly DrainSummary None = new(0, 0, 0, 0, 0);

    public DrainSummary Add(DrainSummary other) =>
        new(Sent + other.Sent, Failed + other.Failed, Dead + other.Dead, Deferred + other.Deferred, Cancelled + other.Cancelled);
}

/// <summary>
/// Sends the outbox's due messages, batch by batch, until none is left to claim: each batch is claimed under a lease
/// (<see cref="OutboxLease"/>), the residents' choices re-read (a kind turned off since is Cancelled), quiet hours and the
/// daily cap applied to SMS (Deferred, no attempt counted), the rest sent through the channel's gateway with the message's
/// own idempotency key, and every outcome written in one save. A channel with no provider is left Pending.
/// </summary>
public sealed class OutboxDrainer(SalamDbContext db, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDrainer> logger,
    ISmsGateway? sms = null, IEmailGateway? email = null)
{
    // A drainer that lost every race for a batch looks again a few times before it leaves the rest to the winner.
    private const int LostRaces = 5;
    private readonly OutboxOptions _options = options.Value;

    public async Task<DrainSummary> DrainAsync(CancellationToken cancellationToken)
    {
        var channels = new List<MessageChannel>();
        if (sms is not null) channels.Add(MessageChannel.Sms);
        if (email is not null) channels.Add(MessageChannel.Email);
        await WarnOfUnconfiguredAsync(cancellationToken);
        if (channels.Count == 0) return DrainSummary.None;

        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var lease = new OutboxLease(db, owner[^Math.Min(owner.Length, OutboxMessage.LockOwnerMaxLength)..], TimeSpan.FromSeconds(_options.LeaseSeconds));
        var total = DrainSummary.None;
        for (var lostRaces = 0; lostRaces < LostRaces;)
        {
            var claimedAt = clock.GetUtcNow();
            var batch = await lease.ClaimAsync(channels, _options.BatchSize, claimedAt, cancellationToken);
            if (batch.Count == 0)
            {
                if (!await lease.AnyFreeAsync(channels, clock.GetUtcNow(), cancellationToken)) break;
                lostRaces++;
                continue;
            }
            total = total.Add(await DeliverAsync(lease, batch, claimedAt, cancellationToken));
            db.ChangeTracker.Clear();
        }
        return total;
    }

    private async Task<DrainSummary> DeliverAsync(OutboxLease lease, List<OutboxMessage> batch, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var quiet = QuietHours.Of(_options);
        var optedOut = await OptedOutAsync(batch, cancellationToken);
        var sentToday = await SentTodayAsync(batch, now, cancellationToken);
        var (deferred, cancelled) = (0, 0);
        var toSend = new List<OutboxMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (message.ResidentId is { } resident && optedOut.Contains((resident, message.Kind)))
            {
                message.Cancel();
                cancelled++;
            }
            else if (message.Channel != MessageChannel.Sms || MessageKinds.IsUrgent(message.Kind)) toSend.Add(message);
            else if (quiet.Contains(now))
            {
                message.Defer(quiet.EndAfter(now));
                deferred++;
            }
            else if (sentToday.GetValueOrDefault(message.Recipient) >= _options.DailyCapPerNumber)
            {
                message.Defer(quiet.TomorrowMorning(now));
                deferred++;
            }
            else
            {
                sentToday[message.Recipient] = sentToday.GetValueOrDefault(message.Recipient) + 1;
                toSend.Add(message);
            }
        }

        // A batch never outlives its lease: past half of it no send starts, and what is left is released (no attempt
        // counted) for the next claim. A slow provider then costs more claims, never a row another node takes over mid-send.
        var startNoSendAfter = claimedAt + TimeSpan.FromSeconds(_options.LeaseSeconds) / 2;
        var results = new DeliveryResult?[toSend.Count];
        Exception? stopped = null;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, toSend.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    if (clock.GetUtcNow() < startNoSendAfter) results[i] = await SendAsync(toSend[i], token);
                });
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was sent is still marked, and the rest is released for the next drain.
            stopped = exception;
        }

        var (sent, failed, dead) = (0, 0, 0);
        var at = clock.GetUtcNow();
        for (var i = 0; i < toSend.Count; i++)
        {
            var message = toSend[i];
            switch (results[i])
            {
                case { Outcome: DeliveryOutcome.Accepted } accepted:
                    message.MarkSent(accepted.ProviderMessageId, at);
                    sent++;
                    break;
                case { } refused:
                    message.MarkFailed(refused.Error ?? refused.Outcome.ToString(), refused.Outcome == DeliveryOutcome.Permanent, at);
                    if (message.Status == MessageStatus.Dead) dead++; else failed++;
                    break;
                default:
                    message.Defer(message.NextAttemptAt);
                    break;
            }
        }
        var marked = await lease.MarkAsync(batch, at, CancellationToken.None);
        if (marked < batch.Count)
            logger.LogWarning("The outbox lease of {Owner} expired mid-batch: {Lost} of {Count} messages were taken over by another drainer, and their outcomes here were dropped",
                lease.Owner, batch.Count - marked, batch.Count);
        if (stopped is not null) throw stopped;
        if (dead > 0) logger.LogWarning("{Dead} outbox messages are dead (see the admin's dead letters)", dead);
        return new DrainSummary(sent, failed, dead, deferred, cancelled);
    }

    private async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return message.Channel == MessageChannel.Sms
                ? await sms!.SendAsync(new OutgoingSms(message.Recipient, message.Body, message.IdempotencyKey), cancellationToken)
                : await email!.SendAsync(new OutgoingEmail(message.Recipient, message.Subject ?? "", message.Body, message.IdempotencyKey), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A gateway that throws has not said the message was refused: try again later.
            return DeliveryResult.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>The (resident, kind) pairs of the batch that were turned off, read now: the choice is honoured immediately.</summary>
    private async Task<HashSet<(int, MessageKind)>> OptedOutAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var residents = batch.Where(m => m.ResidentId is not null).Select(m => m.ResidentId!.Value).Distinct().ToList();
        if (residents.Count == 0) return [];
        var choices = await db.MessageOptOuts.AsNoTracking().Where(o => residents.Contains(o.ResidentId))
            .Select(o => new { o.ResidentId, o.Kind }).ToListAsync(cancellationToken);
        return choices.Select(o => (o.ResidentId, o.Kind)).ToHashSet();
    }

    /// <summary>SMS sent since Tehran midnight to each number of the batch (sign-in codes never go through the outbox).</summary>
    private async Task<Dictionary<string, int>> SentTodayAsync(List<OutboxMessage> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = batch.Where(m => m.Channel == MessageChannel.Sms).Select(m => m.Recipient).Distinct().ToList();
        if (numbers.Count == 0) return [];
        var midnight = ProgrammeCalendar.StartOf(ProgrammeCalendar.Today(now));
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == MessageChannel.Sms && m.Status == MessageStatus.Sent && m.SentAt >= midnight && numbers.Contains(m.Recipient))
            .GroupBy(m => m.Recipient).Select(g => new { Number = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Number, g => g.Count, cancellationToken);
    }

    private async Task WarnOfUnconfiguredAsync(CancellationToken cancellationToken)
    {
        var missing = new List<MessageChannel>();
        if (sms is null) missing.Add(MessageChannel.Sms);
        if (email is null) missing.Add(MessageChannel.Email);
        if (missing.Count == 0) return;
        var waiting = await db.OutboxMessages.CountAsync(m => m.Status == MessageStatus.Pending && missing.Contains(m.Channel), cancellationToken);
        if (waiting > 0)
            logger.LogWarning("{Waiting} outbox messages wait for a provider: none is configured for {Channels} (Notifications:Sms:Provider, Notifications:Email:Provider)",
                waiting, string.Join(", ", missing));
    }
}
