using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>
/// Duties in Chromium: the facilitator assigns one for Pardisan's top priority; the welfare directorate's manager accepts it,
/// posts progress and then updates it by CSV; the resident sees the progress on the neighbourhood page.
/// </summary>
public sealed class DutyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "کارگاه مهارت‌آموزی بانوان در سرای محله";
    private const string CsvNote = "کلاس‌ها هفته‌ای دو روز برگزار می‌شود؛ «۳۰» نفر ثبت‌نام کرده‌اند.";

    [Fact]
    public async Task A_duty_is_assigned_accepted_progressed_and_updated_by_csv_and_the_resident_sees_its_progress()
    {
        var (pardisanId, topNeed, welfare) = await browser.ReadAsync(async db =>
        {
            var pardisan = await db.Neighbourhoods.SingleAsync(n => n.NameFa == "پردیسان");
            var lastClosed = await db.PriorityRounds.Include(r => r.Results)
                .Where(r => r.NeighbourhoodId == pardisan.Id && (r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published)).OrderByDescending(r => r.ClosesAt).FirstAsync();
            var topNeedId = lastClosed.Results.Single(r => r.Position == 1).NeedId;
            var need = await db.Needs.Where(n => n.Id == topNeedId).Select(n => n.Title).SingleAsync();
            var agency = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.NameFa).SingleAsync();
            return (pardisan.Id, need, agency);
        });

        // The facilitator assigns the duty from the neighbourhood desk.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{pardisanId}");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "وظایف دستگاه‌ها" }).ClickUntilVisibleAsync(facilitator.Locator(".assign-form"));
        await facilitator.ChooseAsync(facilitator.Locator(".assign-need div.mud-input.mud-select-input"), $".mud-list-item:has-text('{topNeed}')");
        await facilitator.ChooseAsync(facilitator.Locator(".assign-agency div.mud-input.mud-select-input"), $".mud-list-item:has-text('{welfare}')");
        await facilitator.Locator(".assign-title input").FillAsync(Title);
        await facilitator.ClickAsync(".assign-save");
        await Assertions.Expect(facilitator.Locator(".assigned-table")).ToContainTextAsync(Title);
        await facilitator.ShootAsync("duty-1-facilitator-assigns-fa");

        // The agency manager finds it on the desk and accepts it.
        var manager = await browser.NewPageAsync();
        await manager.SignInStaffAsync("agency.qom.welfare");
        await manager.WaitForURLAsync("**/agency");
        await manager.GotoAsync("/agency/duties");
        await Assertions.Expect(manager.Locator(".desk-table")).ToContainTextAsync(Title);
        await manager.ShootAsync("duty-2-agency-desk-fa");
        // Followed by URL: a click before the desk's circuit is up can be undone when that circuit starts.
        await manager.GotoAsync((await manager.GetAttributeAsync($".desk-table a:has-text('{Title}')", "href"))!);
        var dutyId = int.Parse(manager.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(manager.Locator(".duty-status")).ToContainTextAsync("ابلاغ‌شده");
        await ClickUntilAsync(manager.Locator(".duty-save"), manager.Locator(".duty-status"), "پذیرفته‌شده");

        // Progress by hand: the next step offered after acceptance is "in progress".
        await manager.Locator(".duty-percent-input input").FillAsync("30");
        await manager.Locator(".duty-note input").FillAsync("خرید چرخ خیاطی انجام شد.");
        await manager.ClickAsync(".duty-save");
        await Assertions.Expect(manager.Locator(".duty-status")).ToContainTextAsync("در حال انجام");
        await Assertions.Expect(manager.Locator(".duty-timeline")).ToContainTextAsync("خرید چرخ خیاطی انجام شد.");
        await manager.ShootAsync("duty-3-progress-fa");

        // Progress in bulk: a CSV with a Persian note, previewed, then applied.
        await manager.GotoAsync("/agency/import");
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"duty_id,status,percent,note\n{dutyId},InProgress,60,\"{CsvNote}\"\n999999,Done,100,\n")).ToArray();
        // A preview writes nothing, so a file chosen before the page's circuit is up can simply be chosen again. MudFileUpload
        // adds a fresh input after each choice (the old one stays, hidden): the last is the one that listens.
        for (var attempt = 0; attempt < 10 && !await manager.Locator(".import-table").IsVisibleAsync(); attempt++)
        {
            await manager.Locator(".import-upload input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "progress.csv", MimeType = "text/csv", Buffer = csv });
            await Task.Delay(500);
        }
        await Assertions.Expect(manager.Locator(".import-table .import-accepted")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator(".import-table .import-refused")).ToHaveCountAsync(1);
        await manager.ShootAsync("duty-4-import-preview-fa");
        await manager.ClickAsync(".import-apply");
        await Assertions.Expect(manager.Locator(".import-summary")).ToContainTextAsync("۱");
        await manager.GotoAsync($"/duties/{dutyId}");
        await Assertions.Expect(manager.Locator(".duty-timeline")).ToContainTextAsync(CsvNote);
        await manager.ShootAsync("duty-5-after-import-fa");

        // The same pages in English read left to right, the timeline's arrows too.
        await manager.GotoAsync($"/culture?culture=en-US&returnUrl=/duties/{dutyId}");
        await Assertions.Expect(manager.Locator(".duty-timeline")).ToContainTextAsync("Accepted → In progress");
        await manager.ShootAsync("duty-5-after-import-en");
        await manager.GotoAsync("/agency/duties");
        await Assertions.Expect(manager.Locator(".desk-table")).ToContainTextAsync(Title);
        await manager.ShootAsync("duty-2-agency-desk-en");

        // The resident sees the agency's progress under the neighbourhood's first priority.
        var resident = await browser.NewPageAsync();
        await resident.SignInResidentAsync(browser.App, DemoDataSeeder.FirstResidentMobile);
        var priority = resident.Locator(".resident-priorities article", new() { HasText = topNeed });
        await Assertions.Expect(priority.Locator(".resident-duty", new() { HasText = Title })).ToContainTextAsync("۶۰٪");
        await Assertions.Expect(priority.Locator(".resident-duty", new() { HasText = Title })).ToContainTextAsync(welfare);
        await Assertions.Expect(priority.Locator(".resident-duty", new() { HasText = Title }).Locator("progress[value='60']")).ToHaveCountAsync(1);
        await resident.ShootAsync("duty-6-resident-sees-progress-fa");
        browser.AssertNoCspViolations(facilitator, manager, resident);
    }

    [Fact]
    public async Task A_provincial_officer_picks_a_neighbourhood_of_the_province_and_gets_the_assign_form()
    {
        var officer = await browser.NewPageAsync();
        await officer.SignInStaffAsync("officer.qom");
        await officer.WaitForURLAsync("**/province");
        await Assertions.Expect(officer.Locator("a.mud-nav-link[href='/province/assign']")).ToBeVisibleAsync();
        // Opened by URL: a nav click before the first page's circuit is up can be undone when that circuit starts.
        await officer.GotoAsync("/province/assign");
        await officer.ChooseAsync(officer.Locator(".assign-place div.mud-input.mud-select-input"), ".mud-list-item:has-text('پردیسان')");
        await Assertions.Expect(officer.Locator(".assign-form")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator(".assigned-table")).ToContainTextAsync("خانهٔ بهداشت");
        await officer.ShootAsync("duty-7-officer-assign-fa");
    }

    /// <summary>Retries only a click that did nothing: each try waits long enough for a click that did land to show, so nothing is sent twice.</summary>
    private static async Task ClickUntilAsync(ILocator target, ILocator shows, string expected)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await Assertions.Expect(shows).ToContainTextAsync(expected, new() { Timeout = 4000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4) { }
        }
    }
}
