using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>Outbox rows in a given state, written straight to the database, for the delivery and dead-letter screens to read.</summary>
internal static class OutboxArrange
{
    private static int _serial;

    public static Task ClearOutboxAsync(this TestApp app) => app.ReadAsync(db => db.OutboxMessages.ExecuteDeleteAsync());

    /// <summary>Adds a message and brings it to <paramref name="status"/>; returns its id.</summary>
    public static Task<int> MessageAsync(this TestApp app, MessageStatus status, MessageKind kind = MessageKind.RoundOpened, int? roundId = null,
        string recipient = "09121234567", MessageChannel channel = MessageChannel.Sms, string body = "متن پیام", string? error = null, DateTimeOffset? at = null) =>
        app.ReadAsync(async db =>
        {
            var when = at ?? app.Clock.GetUtcNow();
            var serial = Interlocked.Increment(ref _serial);
            var message = new OutboxMessage(kind, channel, recipient, channel == MessageChannel.Email ? "موضوع" : null, body, $"{kind}:test:{serial}", $"r{serial}", when, roundId: roundId);
            switch (status)
            {
                case MessageStatus.Sent: message.MarkSent($"p{serial}", when); break;
                case MessageStatus.Dead: message.MarkFailed(error ?? "400 bad number", permanent: true, when); break;
                case MessageStatus.Cancelled: message.Cancel(); break;
            }
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
}
