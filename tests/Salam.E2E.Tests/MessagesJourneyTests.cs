using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Domain.Common;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// The messages the journeys produce, read in the development outbox (/dev/sms) in Chromium: a round opens and a resident's
/// Persian SMS is queued; a resident who turned "voting opens" off on their page gets none for the next round; a duty
/// assigned to an agency queues its manager's e-mail once the manager has set an address on their account page.
/// </summary>
public sealed class MessagesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static int _serial;

    private async Task<string> ResidentAsync(int place)
    {
        var mobile = $"0937{Interlocked.Increment(ref _serial) + 6300000:D7}";
        await browser.ReadAsync(async db =>
        {
            db.Residents.Add(new Resident(place, "ساکن پیامک‌گیر", MobileNumber.Parse(mobile), null, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        return mobile;
    }

    private async Task<int> OpenRoundAsync(int place, string title)
    {
        var open = await browser.ReadAsync(db => db.PriorityRounds.Where(r => r.NeighbourhoodId == place && r.Status == RoundStatus.Open).Select(r => r.Id).ToListAsync());
        foreach (var id in open) await browser.App.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new CloseRound(id));
        var needs = await browser.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved).OrderBy(n => n.Id).Select(n => n.Id).Take(3).ToListAsync());
        var now = DateTimeOffset.UtcNow;
        var round = await browser.App.SendAsStaffAsync<int>("facilitator.pardisan", new CreateRound(place, title, now, now.AddDays(5), 2, needs));
        await browser.App.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new OpenRound(round));
        return round;
    }

    private static ILocator Row(IPage page, string kind, string recipient) =>
        page.Locator($".dev-outbox-row[data-kind='{kind}'][data-recipient='{recipient}']");

    [Fact]
    public async Task A_round_opening_texts_residents_in_Persian_except_one_who_turned_it_off_on_their_page()
    {
        var place = await browser.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync());
        var (told, stopped) = (await ResidentAsync(place), await ResidentAsync(place));

        await OpenRoundAsync(place, "دور پیامک نخست");
        var outbox = await browser.NewPageAsync();
        await outbox.GotoAsync("/dev/sms");
        await Assertions.Expect(Row(outbox, "RoundOpened", told)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(outbox, "RoundOpened", told).Locator(".dev-body")).ToContainTextAsync("لغو");
        await Assertions.Expect(Row(outbox, "RoundOpened", told).Locator(".dev-body")).ToContainTextAsync("دور پیامک نخست");
        await outbox.ShootAsync("messages-journey-1-round-opened-fa");

        // The second resident turns "voting opens" off on their page, without script.
        var resident = await browser.NewPageAsync();
        await resident.SignInResidentAsync(browser.App, stopped);
        await resident.GotoAsync("/me");
        await resident.Locator("#messages input[name='on.RoundOpened']").UncheckAsync();
        await resident.Locator("#messages button.my-messages-save").ClickAsync();
        await Assertions.Expect(resident.Locator("#messages .salam-success")).ToBeVisibleAsync();

        var next = await OpenRoundAsync(place, "دور پیامک دوم");
        var forNext = await browser.ReadAsync(db => db.OutboxMessages.Where(m => m.RoundId == next && m.Kind == Domain.Notifications.MessageKind.RoundOpened)
            .Select(m => m.Recipient).ToListAsync());
        Assert.Contains(told, forNext);
        Assert.DoesNotContain(stopped, forNext);
        await outbox.ReloadAsync();
        await Assertions.Expect(outbox.Locator($".dev-outbox-row[data-kind='RoundOpened'][data-recipient='{told}']")).ToHaveCountAsync(2);
        await Assertions.Expect(outbox.Locator($".dev-outbox-row[data-kind='RoundOpened'][data-recipient='{stopped}']")).ToHaveCountAsync(1);
        await outbox.ShootAsync("messages-journey-2-opted-out-fa");
    }

    [Fact]
    public async Task A_duty_assigned_to_an_agency_puts_its_managers_email_in_the_outbox()
    {
        const string email = "welfare.manager@example.org";
        var manager = await browser.NewPageAsync();
        await manager.SignInStaffAsync("agency.qom.welfare");
        await manager.WaitForURLAsync("**/agency**");
        await manager.GotoAsync("/account/contact");
        await manager.FillAsync("#email", email);
        await manager.Locator("button.contact-save").ClickAsync();
        await Assertions.Expect(manager.Locator("#email")).ToHaveValueAsync(email);
        Assert.Equal(email, await browser.ReadAsync(db => db.Users.Where(u => u.UserName == "agency.qom.welfare").Select(u => u.Email).SingleAsync()));

        var (place, agency) = await browser.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "agency.qom.welfare").Select(u => u.AgencyId!.Value).SingleAsync()));
        await browser.App.SendAsStaffAsync<int>("facilitator.pardisan",
            new AssignDuty(place, agency, null, "روشنایی کوچهٔ پیامک", "", ProgrammeCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(20)));

        var outbox = await browser.NewPageAsync();
        await outbox.GotoAsync("/dev/sms");
        await Assertions.Expect(Row(outbox, "DutyAssigned", email)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(outbox, "DutyAssigned", email)).ToContainTextAsync("روشنایی کوچهٔ پیامک");
        await outbox.ShootAsync("messages-journey-3-duty-email-fa");
    }
}
