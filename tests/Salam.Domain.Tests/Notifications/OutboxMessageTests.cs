using Salam.Domain.Common;
using Salam.Domain.Notifications;

namespace Salam.Domain.Tests.Notifications;

/// <summary>An outbox row's life: backoff, death, an admin's retry with the same key, cancellation, and its keys.</summary>
public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Message() =>
        new(MessageKind.RoundOpened, MessageChannel.Sms, "09121234567", null, "رأی‌گیری باز شد", "RoundOpened:round:12", "r45", At, residentId: 45, roundId: 12);

    [Fact]
    public void A_new_message_is_pending_now_with_its_topic_and_person_as_dedupe_key_and_a_fresh_idempotency_key()
    {
        var (one, two) = (Message(), Message());

        Assert.Equal(MessageStatus.Pending, one.Status);
        Assert.Equal(At, one.NextAttemptAt);
        Assert.Equal("RoundOpened:round:12:r45", one.DedupeKey);
        Assert.Equal(one.DedupeKey, two.DedupeKey);
        Assert.NotEqual(one.IdempotencyKey, two.IdempotencyKey);
    }

    [Fact]
    public void Failures_back_off_one_two_four_eight_sixteen_minutes_and_the_sixth_is_dead()
    {
        var message = Message();
        var key = message.IdempotencyKey;
        foreach (var minutes in new[] { 1, 2, 4, 8, 16 })
        {
            message.MarkFailed("503", permanent: false, At);
            Assert.Equal(MessageStatus.Pending, message.Status);
            Assert.Equal(At.AddMinutes(minutes), message.NextAttemptAt);
        }
        message.MarkFailed("503", permanent: false, At);

        Assert.Equal(MessageStatus.Dead, message.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.Equal(At, message.DeadAt);
        Assert.Equal(key, message.IdempotencyKey);
    }

    [Fact]
    public void A_permanent_refusal_is_dead_at_once_and_an_admin_retry_starts_again_with_the_same_key()
    {
        var message = Message();
        var key = message.IdempotencyKey;
        message.MarkFailed("422 invalid number", permanent: true, At);
        Assert.Equal(MessageStatus.Dead, message.Status);

        message.Retry(At.AddHours(1));

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(At.AddHours(1), message.NextAttemptAt);
        Assert.Null(message.DeadAt);
        Assert.Equal(key, message.IdempotencyKey);
    }

    [Fact]
    public void Only_a_dead_message_can_be_retried()
    {
        var pending = Message();
        var sent = Message();
        sent.MarkSent("p-1", At);

        Assert.Equal("Messages.RetryNotDead", Assert.Throws<DomainException>(() => pending.Retry(At)).Code);
        Assert.Equal("Messages.RetryNotDead", Assert.Throws<DomainException>(() => sent.Retry(At)).Code);
        Assert.Equal(MessageStatus.Sent, sent.Status);
    }

    [Fact]
    public void Cancelling_stops_a_pending_message_but_never_unsends_a_sent_one()
    {
        var pending = Message();
        var sent = Message();
        sent.MarkSent("p-1", At);

        pending.Cancel();
        sent.Cancel();

        Assert.Equal(MessageStatus.Cancelled, pending.Status);
        Assert.Equal(MessageStatus.Sent, sent.Status);
    }

    [Fact]
    public void A_deferral_counts_no_attempt()
    {
        var message = Message();
        message.Defer(At.AddHours(10));

        Assert.Equal(0, message.Attempts);
        Assert.Equal(At.AddHours(10), message.NextAttemptAt);
        Assert.Equal(MessageStatus.Pending, message.Status);
    }

    [Theory]
    [InlineData(MessageKind.SignInCode)]
    [InlineData(MessageKind.DutyAssigned)]
    [InlineData(MessageKind.PendingResidentsDigest)]
    public void A_resident_cannot_turn_off_sign_in_codes_or_staff_messages(MessageKind kind) =>
        Assert.Equal("Messages.KindNotChoosable", Assert.Throws<DomainException>(() => new MessageOptOut(1, kind, At)).Code);

    [Fact]
    public void Every_kind_a_resident_may_turn_off_is_a_kind_residents_receive_and_never_the_sign_in_code()
    {
        Assert.DoesNotContain(MessageKind.SignInCode, MessageKinds.ResidentChoosable);
        Assert.All(MessageKinds.ResidentChoosable, kind => Assert.False(MessageKinds.IsUrgent(kind)));
        Assert.True(MessageKinds.IsUrgent(MessageKind.SignInCode));
    }
}
