using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Paging;
using Salam.Application.Notifications.Commands.RetryMessage;
using Salam.Application.Notifications.Queries.GetDeadMessages;
using Salam.Domain.Audit;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>The administrator's dead letters: listed newest first with the recipient masked, and sent again only when dead.</summary>
public sealed class DeadMessagesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<string> OutboxFingerprintAsync() => App.ReadAsync(async db => string.Join(',',
        await db.OutboxMessages.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}:{m.Attempts}:{m.NextAttemptAt}:{m.DeadAt}:{m.IdempotencyKey}").ToListAsync()));

    [Fact]
    public async Task Dead_messages_are_listed_newest_first_paged_and_masked_and_nothing_else_is()
    {
        await App.ClearOutboxAsync();
        var now = App.Clock.GetUtcNow();
        var older = await App.MessageAsync(MessageStatus.Dead, MessageKind.RoundOpened, recipient: "09121234567", error: "400 bad number", at: now.AddHours(-2));
        var newer = await App.MessageAsync(MessageStatus.Dead, MessageKind.DutyAssigned, recipient: "manager@example.org", channel: MessageChannel.Email, error: "timeout", at: now.AddHours(-1));
        var newest = await App.MessageAsync(MessageStatus.Dead, MessageKind.ShiftReminder, recipient: "09357654321", at: now);
        await App.MessageAsync(MessageStatus.Sent);
        await App.MessageAsync(MessageStatus.Pending);
        await App.MessageAsync(MessageStatus.Cancelled);
        var admin = await App.PrincipalOfAsync("admin");

        var first = await App.SendAsync<Paged<DeadMessage>>(admin, new GetDeadMessages(0, 2));
        var second = await App.SendAsync<Paged<DeadMessage>>(admin, new GetDeadMessages(1, 2));

        Assert.Equal(3, first.Total);
        Assert.Equal([newest, newer, older], first.Items.Concat(second.Items).Select(m => m.Id));
        var email = first.Items[1];
        Assert.Equal((MessageKind.DutyAssigned, MessageChannel.Email, "m***@example.org", "timeout", 1), (email.Kind, email.Channel, email.Recipient, email.LastError, email.Attempts));
        Assert.Equal("0912***4567", second.Items.Single().Recipient);
        Assert.DoesNotContain(first.Items.Concat(second.Items), m => m.Recipient.Contains("1234567") || m.Recipient.Contains("manager@"));
    }

    [Fact]
    public async Task A_dead_message_retried_waits_again_with_no_attempts_and_its_key_and_leaves_the_list()
    {
        await App.ClearOutboxAsync();
        var id = await App.MessageAsync(MessageStatus.Dead);
        var key = await App.ReadAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.IdempotencyKey).SingleAsync());
        var admin = await App.PrincipalOfAsync("admin");

        await App.SendAsync<Unit>(admin, new RetryMessage(id));

        var message = await App.ReadAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((MessageStatus.Pending, 0, key, null), (message.Status, message.Attempts, message.IdempotencyKey, message.DeadAt));
        Assert.True(message.NextAttemptAt <= App.Clock.GetUtcNow());
        Assert.Equal(0, (await App.SendAsync<Paged<DeadMessage>>(admin, new GetDeadMessages())).Total);
        // The retry is the administrator's decision, so it is in the audit log; the number and text are not.
        var audited = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Kind == "Message" && e.SubjectId == id).ToListAsync());
        var retry = Assert.Single(audited);
        var adminId = await App.ReadAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        Assert.Equal((AuditAction.Changed, adminId), (retry.Action, retry.ActorUserId));
        Assert.Contains("Dead", retry.Before);
        Assert.DoesNotContain("Recipient", retry.After);
        Assert.DoesNotContain("Body", retry.After);
    }

    [Theory]
    [InlineData(MessageStatus.Pending)]
    [InlineData(MessageStatus.Sent)]
    [InlineData(MessageStatus.Cancelled)]
    public async Task A_message_that_is_not_dead_is_not_sent_again_and_nothing_is_written(MessageStatus status)
    {
        await App.ClearOutboxAsync();
        var id = await App.MessageAsync(status);
        var before = await OutboxFingerprintAsync();

        var admin = await App.PrincipalOfAsync("admin");
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(admin, new RetryMessage(id)));

        Assert.Equal(Text.Get("Messages.RetryNotDead"), refused.Message);
        Assert.Equal(before, await OutboxFingerprintAsync());
    }

    [Fact]
    public async Task An_unknown_or_impossible_message_is_refused_clearly_and_nothing_is_written()
    {
        await App.ClearOutboxAsync();
        await App.MessageAsync(MessageStatus.Dead);
        var admin = await App.PrincipalOfAsync("admin");
        var before = await OutboxFingerprintAsync();

        Assert.Equal(Text.Get("Messages.NotFound"), (await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<Unit>(admin, new RetryMessage(int.MaxValue)))).Message);
        Assert.Equal([Text.Get("Messages.NotFound")], (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(admin, new RetryMessage(0)))).Errors["MessageId"]);
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Paged<DeadMessage>>(admin, new GetDeadMessages(-1)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Paged<DeadMessage>>(admin, new GetDeadMessages(0, Paging.MaxPageSize + 1)));
        Assert.Equal(before, await OutboxFingerprintAsync());
    }

    [Theory]
    [InlineData("ministry")]
    [InlineData("officer.qom")]
    [InlineData("facilitator.pardisan")]
    [InlineData("resident")]
    public async Task Only_the_administrator_reads_or_retries_dead_messages(string who)
    {
        await App.ClearOutboxAsync();
        var id = await App.MessageAsync(MessageStatus.Dead);
        var user = who == "resident" ? await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile) : await App.PrincipalOfAsync(who);
        var before = await OutboxFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Paged<DeadMessage>>(user, new GetDeadMessages()));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(user, new RetryMessage(id)));

        Assert.Equal(before, await OutboxFingerprintAsync());
    }

    [Theory]
    [InlineData("09121234567", "0912***4567")]
    [InlineData("m@example.org", "***@example.org")]
    [InlineData("12345", "*****")]
    public void A_recipient_is_masked_to_its_ends(string recipient, string masked) => Assert.Equal(masked, RecipientMask.Of(recipient));
}
