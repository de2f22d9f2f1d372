using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.E2E.Tests;

/// <summary>
/// The Messages screens in Chromium, in each language, at a phone's width and a desk's, each passing axe without sideways
/// scrolling: the resident's switches on their page (saved without script), a round's delivery on its staff page, the
/// admin's failed messages sent again, and the development outbox. Names and texts that try to inject markup stay text.
/// </summary>
public sealed class MessagesScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<script>window.__x=1</script><img src=x onerror=\"window.__x=1\">";
    private static int _serial;

    [Theory]
    [InlineData("fa-IR", "fa")]
    [InlineData("en-US", "en")]
    public async Task The_messages_screens_read_well_on_a_phone_and_a_desk(string culture, string lang)
    {
        var persian = lang == "fa";
        var mobile = $"0937{Interlocked.Increment(ref _serial) + (persian ? 6100000 : 6200000):D7}";
        var (roundId, residentId) = await browser.ReadAsync(async db =>
        {
            var place = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync();
            var resident = new Resident(place, $"ساکن {Payload}", MobileNumber.Parse(mobile), null, DateTimeOffset.UtcNow);
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            var round = await db.PriorityRounds.Where(r => r.NeighbourhoodId == place).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            var messages = new List<OutboxMessage>();
            for (var i = 0; i < 6; i++)
            {
                var m = new OutboxMessage(i < 4 ? MessageKind.RoundOpened : MessageKind.ResultsPublished, MessageChannel.Sms, $"0912{i:D7}", null,
                    $"دور {Payload} باز شد", $"Screens:{lang}:{i}", "r", now, roundId: round);
                if (i is 0 or 1 or 4) m.MarkSent($"p{i}", now);
                if (i == 2) m.MarkFailed($"422 {Payload}", permanent: true, now);
                if (i == 5) m.Cancel();
                messages.Add(m);
            }
            var email = new OutboxMessage(MessageKind.DutyAssigned, MessageChannel.Email, "manager@example.org", $"وظیفهٔ تازه {Payload}", $"سلام {Payload}", $"Screens:{lang}:mail", "u", now);
            email.MarkFailed("timeout", permanent: false, now);
            messages.Add(email);
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return (round, resident.Id);
        });

        // The resident turns "results published" off and chooses English from their page.
        var resident = await browser.NewPageAsync(culture);
        await resident.SignInResidentAsync(browser.App, mobile);
        await resident.GotoAsync("/me");
        await Assertions.Expect(resident.Locator("#messages input[role=switch]")).ToHaveCountAsync(MessageKinds.ResidentChoosable.Count);
        await ShootBothWidthsAsync(resident, $"messages-1-resident-{lang}");
        await resident.Locator("#messages input[name='on.ResultsPublished']").UncheckAsync();
        await resident.Locator("#messages input[name=language][value=en]").CheckAsync();
        await resident.Locator("#messages button.my-messages-save").ClickAsync();
        await Assertions.Expect(resident.Locator("#messages .salam-success")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("#messages input[name='on.ResultsPublished']")).Not.ToBeCheckedAsync();
        await ShootBothWidthsAsync(resident, $"messages-2-resident-saved-{lang}");
        Assert.Equal((MessageKind.ResultsPublished, Languages.English), await browser.ReadAsync(async db =>
            (await db.MessageOptOuts.Where(o => o.ResidentId == residentId).Select(o => o.Kind).SingleAsync(), await db.Residents.Where(r => r.Id == residentId).Select(r => r.Language).SingleAsync())));

        // The facilitator sees how the round's residents were told.
        var facilitator = await browser.NewPageAsync(culture);
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/rounds/{roundId}/staff-results");
        await Assertions.Expect(facilitator.Locator(".round-delivery-table")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await ShootBothWidthsAsync(facilitator, $"messages-3-delivery-{lang}");

        // The admin sends a failed message again.
        var admin = await browser.NewPageAsync(culture);
        await admin.SignInStaffAsync("admin");
        await admin.WaitForURLAsync("**/admin");
        await admin.FollowLinkAsync(admin.Locator("nav a[href='/admin/messages']"), "**/admin/messages", admin.Locator("button.dead-retry").First);
        await ShootBothWidthsAsync(admin, $"messages-4-dead-{lang}");
        var before = await admin.Locator("button.dead-retry").CountAsync();
        await admin.Locator("button.dead-retry").First.ClickUntilVisibleAsync(admin.Locator(".mud-snackbar"));
        await Assertions.Expect(admin.Locator("button.dead-retry")).ToHaveCountAsync(before - 1);

        // The development outbox: every message with its status, and the texts as text.
        var outbox = await browser.NewPageAsync(culture);
        await outbox.GotoAsync("/dev/sms");
        await Assertions.Expect(outbox.Locator(".dev-outbox-row").First).ToBeVisibleAsync();
        await ShootBothWidthsAsync(outbox, $"messages-5-dev-outbox-{lang}");

        foreach (var page in new[] { resident, facilitator, admin, outbox })
            Assert.False(await page.EvaluateAsync<bool>("() => window.__x === 1"), "a payload ran as script");
        browser.AssertNoCspViolations(resident, facilitator, admin, outbox);
    }

    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20000 });
        await Axe.SettleAsync(page);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {string.Join(" | ", violations.Select(v => $"{v.Id} {v.Help} — {string.Join(", ", v.Targets.Take(4))}"))}");
        var overflow = await Axe.OverflowAsync(page);
        Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px: {await Axe.WidestAsync(page)}");
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        // The staff menu slides open (225 ms) as the page widens: settle past it before the shot.
        await Axe.SettleAsync(page, quiet: 400);
        await page.ShootAsync($"{name}-1366");
    }
}
