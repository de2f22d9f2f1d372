using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Messages;

/// <summary>/dev/sms in Development: every queued message with its status, beside the development gateway's log, all as text.</summary>
public sealed class DevOutboxPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task Queued_messages_of_every_status_show_with_names_and_texts_as_text_never_markup()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            var now = DateTimeOffset.UtcNow;
            var sms = new OutboxMessage(MessageKind.RoundOpened, MessageChannel.Sms, "09121112233", null, $"رأی‌گیری {Payload} باز شد", "RoundOpened:dev-test", "r1", now);
            // Not due yet, so the development drain (asked for after this save) leaves it Pending for the page.
            sms.Defer(now.AddHours(1));
            var email = new OutboxMessage(MessageKind.DutyAssigned, MessageChannel.Email, "x@example.org", $"وظیفه {Payload}", $"سلام {Payload}", "DutyAssigned:dev-test", "u1", now);
            email.MarkFailed($"500 {Payload}", permanent: false, now);
            var dead = new OutboxMessage(MessageKind.ShiftReminder, MessageChannel.Sms, "09121112244", null, "یادآوری", "ShiftReminder:dev-test", "r2", now);
            dead.MarkFailed("400 bad number", permanent: true, now);
            db.OutboxMessages.AddRange(sms, email, dead);
            await db.SaveChangesAsync();
        }
        await factory.Sms.SendAsync(new OutgoingSms("09121112255", $"کد {Payload}", Guid.NewGuid()), CancellationToken.None);

        var html = await factory.NewClient().GetStringAsync("/dev/sms");

        var page = new HtmlParser().ParseDocument(html);
        var rows = page.QuerySelectorAll(".dev-outbox-row");
        Assert.Contains(rows, r => r.GetAttribute("data-kind") == "RoundOpened" && r.GetAttribute("data-status") == "Pending" && r.TextContent.Contains($"رأی‌گیری {Payload} باز شد"));
        var failing = Assert.Single(rows, r => r.GetAttribute("data-kind") == "DutyAssigned");
        Assert.Contains($"وظیفه {Payload}", failing.QuerySelector(".dev-subject")!.TextContent);
        Assert.Contains($"500 {Payload}", failing.QuerySelector(".dev-error")!.TextContent);
        Assert.Contains(rows, r => r.GetAttribute("data-kind") == "ShiftReminder" && r.GetAttribute("data-status") == "Dead");
        Assert.Contains($"کد {Payload}", page.QuerySelector(".dev-gateway")!.TextContent);
        // The payloads are text: no script or image element came out of them.
        Assert.Empty(page.QuerySelectorAll(".dev-outbox script, .dev-outbox img, .dev-gateway script, .dev-gateway img"));
        Assert.DoesNotContain(Payload, html);
    }
}
