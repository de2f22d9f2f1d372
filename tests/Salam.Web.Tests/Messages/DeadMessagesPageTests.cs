using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Testing;
using Salam.Web.Components.Pages.Messages;
using Salam.Web.Components.Pages.Rounds.Parts;
using Salam.Web.Localization;

namespace Salam.Web.Tests.Messages;

/// <summary>The admin's failed messages (sent again from the list) and a round's delivery figures, rendered over the real app.</summary>
public sealed class DeadMessagesPageTests : StaffComponentTest
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static Task<int> MessageAsync(TestApp app, Action<OutboxMessage> bring, MessageKind kind = MessageKind.RoundOpened, int? roundId = null, string recipient = "09121234567") =>
        app.ReadAsync(async db =>
        {
            var message = new OutboxMessage(kind, MessageChannel.Sms, recipient, null, "متن", $"{kind}:page:{Guid.NewGuid()}", "r1", app.Clock.GetUtcNow(), roundId: roundId);
            bring(message);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    [Fact]
    public async Task The_admin_sees_a_failed_message_masked_with_its_error_as_text_and_sends_it_again()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var id = await MessageAsync(app, m => m.MarkFailed($"422 {Payload}", permanent: true, app.Clock.GetUtcNow()));
        await SignInAsync(app, "admin");

        var page = Render<DeadMessagesPage>();

        page.WaitForAssertion(() => Assert.Contains("0912***4567", page.Find(".dead-recipient").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal($"422 {Payload}", page.Find(".dead-error").TextContent);
        Assert.Empty(page.FindAll(".dead-messages script, .dead-messages img"));
        Assert.DoesNotContain("1234567", page.Markup);
        Assert.Equal("Send again: Voting opens in my neighbourhood, 0912***4567", page.Find("button.dead-retry").GetAttribute("aria-label"));

        await page.ClickAsync("button.dead-retry");

        var status = await EventuallyAsync(() => app.ReadAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()),
            s => s == MessageStatus.Pending, "the message queued again");
        Assert.Equal(MessageStatus.Pending, status);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button.dead-retry")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_facilitator_sees_how_the_residents_of_a_round_were_told()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var roundId = await app.ReadAsync(db => db.PriorityRounds.Where(r => db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان")).Select(r => r.Id).FirstAsync());
        await MessageAsync(app, m => m.MarkSent("p1", app.Clock.GetUtcNow()), roundId: roundId);
        await MessageAsync(app, m => m.MarkSent("p2", app.Clock.GetUtcNow()), roundId: roundId);
        await MessageAsync(app, m => m.MarkFailed("400", permanent: true, app.Clock.GetUtcNow()), roundId: roundId);
        await MessageAsync(app, _ => { }, roundId: roundId);
        await MessageAsync(app, m => m.Cancel(), MessageKind.ResultsPublished, roundId: roundId);
        await SignInAsync(app, "facilitator.pardisan");

        var panel = Render<RoundDeliveryPanel>(p => p.Add(c => c.RoundId, roundId));

        panel.WaitForElement(".round-delivery-table");
        var rows = panel.FindAll(".round-delivery-table tbody tr").Select(r => string.Join('|', r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["Voting opens in my neighbourhood|4|2|1|1|0", "Results published|1|0|0|0|1", "Total|5|2|1|1|1"], rows);
    }
}
