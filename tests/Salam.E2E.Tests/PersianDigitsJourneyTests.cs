using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Duties;

namespace Salam.E2E.Tests;

/// <summary>
/// Every numeric field of the app, typed in Persian digits in Chromium, reaches the database as that number (it used to be
/// saved as 0): a duty's progress, a round's length and its ranks; the due date is picked on the Jalali calendar.
/// </summary>
public sealed class PersianDigitsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RoundTitle = "دور رقم‌های فارسی";

    [Fact]
    public async Task Persian_digits_typed_into_every_numeric_field_are_saved_as_those_numbers()
    {
        var (dutyId, pardisanId) = await browser.ReadAsync(async db => (
            await db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && (d.Status == DutyStatus.Accepted || d.Status == DutyStatus.InProgress) && d.PercentComplete < 50)
                .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync()));

        // The agency manager's progress, typed «۵۵».
        var manager = await browser.NewPageAsync();
        await manager.SignInStaffAsync("agency.qom.welfare");
        await manager.WaitForURLAsync("**/agency");
        await manager.GotoAsync($"/duties/{dutyId}");
        var percent = manager.Locator(".duty-percent-input input");
        for (var attempt = 0; attempt < 20 && await browser.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.PercentComplete).SingleAsync()) != 55; attempt++)
        {
            await percent.FillAsync("۵۵");
            await manager.ClickAsync(".duty-save");
            await Task.Delay(500);
        }
        Assert.Equal(55, await browser.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.PercentComplete).SingleAsync()));
        await Assertions.Expect(manager.Locator(".duty-percent")).ToContainTextAsync("۵۵");
        await ShootBothWidthsAsync(manager, "digits-duty-progress-fa");

        // The facilitator's new round: «۹» days, «۴» ranks.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{pardisanId}");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "دورهای اولویت‌بندی" }).ClickUntilVisibleAsync(facilitator.Locator(".round-create"));
        await facilitator.Locator(".round-title input").FillAsync(RoundTitle);
        await facilitator.Locator(".round-days input").FillAsync("۹");
        await facilitator.Locator(".round-max-ranks input").FillAsync("۴");
        await facilitator.Locator(".round-need input").First.CheckAsync();
        await facilitator.ClickAsync(".round-create");
        await Assertions.Expect(facilitator.Locator(".rounds-table")).ToContainTextAsync(RoundTitle);
        var round = await browser.ReadAsync(db => db.PriorityRounds.Where(r => r.Title == RoundTitle).Select(r => new { r.MaxRanks, r.OpensAt, r.ClosesAt }).SingleAsync());
        Assert.Equal(4, round.MaxRanks);
        Assert.Equal(TimeSpan.FromDays(9), round.ClosesAt - round.OpensAt);
        await Assertions.Expect(facilitator.Locator(".rounds-table")).ToContainTextAsync("بیشینهٔ رتبه‌ها: ۴");
        await ShootBothWidthsAsync(facilitator, "digits-rounds-panel-fa");

        // The assign panel's due date, on the Jalali calendar.
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "وظایف دستگاه‌ها" }).ClickUntilVisibleAsync(facilitator.Locator(".assign-form"));
        await facilitator.Locator(".assign-due input").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".mud-picker-calendar-header, .mud-picker-calendar-container").First).ToBeVisibleAsync();
        await ShootBothWidthsAsync(facilitator, "digits-assign-date-picker-fa");
    }

    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await page.ShootAsync($"{name}-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.ShootAsync($"{name}-1366");
    }
}
