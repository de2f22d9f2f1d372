using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Shifts;
using static Salam.E2E.Tests.GivingJourneySteps;

namespace Salam.E2E.Tests;

/// <summary>
/// A volunteer shift in Chromium from creation to hours in the roll-up: Pardisan's facilitator makes a shift for building and
/// repair, a Pardisan volunteer signs up on their page, the app's clock passes the shift's end, the facilitator records two and a
/// half hours, the volunteer sees them and the roster its column; the administrator runs the roll-up and the report (and its
/// export) shows Pardisan's volunteer hours grown by exactly that, under the shift's skill.
/// </summary>
public sealed class ShiftJourneyTests(MeetingJourneyFixture browser) : IClassFixture<MeetingJourneyFixture>
{
    private const int Minutes = 150;

    [Fact]
    public async Task A_shift_is_created_signed_up_for_worked_recorded_and_counted_in_the_rollup_and_its_export()
    {
        var (pardisan, county, volunteer, before) = await browser.ReadAsync(async db =>
        {
            var place = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => new { n.Id, n.CountyId }).SingleAsync();
            // A volunteer ready for shifts with none booked yet, so the hours they see are this journey's.
            var ready = await db.Volunteers.Where(v => v.NeighbourhoodId == place.Id && v.WithdrawnAt == null
                    && (v.Status == VolunteerStatus.Contacted || v.Status == VolunteerStatus.Active) && !db.ShiftBookings.Any(b => b.VolunteerId == v.Id))
                .OrderByDescending(v => v.Id).Select(v => new Ready(v.Id, v.Resident!.Mobile, v.Resident.FullName)).FirstAsync();
            var minutes = await db.RollupSnapshots.Where(s => s.Level == RollupLevel.Neighbourhood && s.ScopeId == place.Id).OrderByDescending(s => s.ComputedAt)
                .Select(s => s.VolunteerMinutes).FirstAsync();
            return (place.Id, place.CountyId, ready, minutes);
        });
        var title = $"تعمیر نیمکت‌های پارک پردیسان {Guid.NewGuid().ToString("N")[..4]}";

        // The facilitator makes a shift for the whole centre, from two whole hours ahead, for three hours.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync("/shifts/new");
        var skill = facilitator.Locator("[data-testid=shift-skill]");
        await Assertions.Expect(skill).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // A choice lands once the page's circuit is up; nothing typed after that is lost.
        for (var attempt = 0; attempt < 20 && await skill.InputValueAsync() != nameof(VolunteerSkill.BuildingAndRepair); attempt++)
        {
            await skill.SelectOptionAsync(nameof(VolunteerSkill.BuildingAndRepair));
            await Task.Delay(500);
        }
        var now = ProgrammeCalendar.LocalTime(browser.Clock.GetUtcNow());
        var starts = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0).AddHours(2);
        await facilitator.FillHookAsync("shift-title", title);
        await facilitator.FillHookAsync("shift-place", "پارک پردیسان، ورودی شمالی");
        await facilitator.FillHookAsync("shift-day", Typed(JalaliDate(starts), persian: true));
        await facilitator.FillHookAsync("shift-start", Typed(starts.ToString("HH:mm", CultureInfo.InvariantCulture), persian: true));
        await facilitator.FillHookAsync("shift-end", Typed(starts.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture), persian: true));
        await facilitator.FillHookAsync("shift-places", "۵");
        await facilitator.ShootBothWidthsAsync("journey-shift-1-new-fa");
        await facilitator.ClickUntilAddressAsync(facilitator.Locator("[data-testid=shift-save]"), new Regex(@"/shifts/\d+$"));
        var shiftId = int.Parse(facilitator.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal((VolunteerSkill.BuildingAndRepair, 5), await browser.ReadAsync(db => db.Shifts.Where(s => s.Id == shiftId)
            .Select(s => new ValueTuple<VolunteerSkill, int>(s.Skill, s.Places)).SingleAsync()));

        // The volunteer signs up from their own page.
        var resident = await browser.NewPageAsync();
        await resident.SignInResidentAsync(browser.App, volunteer.Mobile);
        await resident.GotoAsync("/resident/volunteer");
        var open = resident.Locator($".my-open-shift[data-shift-id='{shiftId}']");
        await Assertions.Expect(open).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await open.Locator(".shift-sign-up").ClickAsync();
        await Assertions.Expect(resident.Locator($".my-booked-shift[data-shift-id='{shiftId}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await resident.ShootBothWidthsAsync("journey-shift-2-signed-up-fa");

        // The shift is over: the facilitator records the volunteer's two and a half hours.
        browser.Clock.Advance(TimeSpan.FromHours(6));
        await facilitator.GotoAsync($"/shifts/{shiftId}");
        var booking = await browser.ReadAsync(db => db.ShiftBookings.Where(b => b.ShiftId == shiftId && b.VolunteerId == volunteer.Id).Select(b => b.Id).SingleAsync());
        await Assertions.Expect(facilitator.Locator("[data-testid=attendance-save]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Typed before the page's circuit is up, the minutes are lost (the form keeps the whole shift's 180): wait for it, and
        // type and save again until the stored row says 150 (saving again corrects the attendance, as the page allows).
        await Axe.SettleAsync(facilitator);
        Task<bool> Recorded() => browser.ReadAsync(db => db.ShiftBookings.AnyAsync(b => b.Id == booking && b.Attendance == Attendance.Attended && b.Minutes == Minutes));
        for (var attempt = 0; attempt < 5 && !await Recorded(); attempt++)
        {
            await facilitator.FillHookAsync($"attendance-minutes-{booking}", Typed(Minutes.ToString(CultureInfo.InvariantCulture), persian: true));
            if (attempt == 0) await facilitator.ShootBothWidthsAsync("journey-shift-3-attendance-fa");
            await facilitator.Locator("[data-testid=attendance-save]").ClickAsync();
            await WaitForAsync(Recorded, tries: 20);
        }
        Assert.True(await Recorded());

        // The volunteer sees their hours; the roster shows its hours column.
        await resident.GotoAsync("/resident/volunteer");
        // Hours read as people say them (ShiftText.Hours): two hours and thirty minutes, in the last 90 days and in all.
        await Assertions.Expect(resident.Locator(".my-hours")).ToContainTextAsync("۲ ساعت و ۳۰ دقیقه");
        await resident.ShootBothWidthsAsync("journey-shift-4-hours-fa");
        await facilitator.GotoAsync("/volunteers");
        var rosterRow = facilitator.Locator(".salam-roster-row", new() { HasTextString = volunteer.Name });
        await Assertions.Expect(rosterRow.Locator(".salam-roster-hours")).ToHaveTextAsync("۲ ساعت و ۳۰ دقیقه", new() { Timeout = 30_000 });
        await facilitator.ShootBothWidthsAsync("journey-shift-5-roster-fa");

        // The administrator runs the roll-up; Pardisan's row of its county's report shows the hours, and the county's breakdown the skill.
        var admin = await browser.NewPageAsync();
        await admin.SignInStaffAsync("admin");
        await admin.WaitForURLAsync("**/admin");
        await admin.RunRollupAsync();
        await admin.GotoAsync($"/reports/counties/{county}");
        var row = admin.Locator(".rollup-table tbody tr", new() { Has = admin.Locator(".rollup-place", new() { HasTextString = "پردیسان" }) });
        var hours = Hours(before + Minutes);
        await Assertions.Expect(admin.Locator(".rollup-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await admin.Locator(".rollup-columns-giving").ClickUntilVisibleAsync(row.Locator(".rollup-volunteer-hours"));
        await Assertions.Expect(row.Locator(".rollup-volunteer-hours")).ToHaveTextAsync(Digits.ToPersian(hours).Replace(".", "٫", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(admin.Locator(".rollup-hours-by-skill")).ToContainTextAsync("ساختمان و تعمیرات");
        await admin.ShootBothWidthsAsync("journey-shift-6-report-fa");

        foreach (var (page, path, shot) in new[] { (facilitator, "/shifts/new", "journey-shift-1-new"), (resident, "/resident/volunteer", "journey-shift-4-hours"),
            (facilitator, "/volunteers", "journey-shift-5-roster"), (admin, $"/reports/counties/{county}", "journey-shift-6-report") })
        {
            await page.GotoAsync($"/culture?culture=en-US&returnUrl={Uri.EscapeDataString(path)}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ShootBothWidthsAsync($"{shot}-en");
        }
        await Assertions.Expect(admin.Locator(".rollup-hours-by-skill")).ToContainTextAsync("Building and repair");

        var export = await admin.DownloadCsvAsync();
        Assert.Equal(hours, export.Single(r => r["Place"] == "Pardisan")["Volunteer hours"]);
        browser.AssertNoCspViolations(facilitator, resident, admin);
    }

    private sealed record Ready(int Id, string Mobile, string Name);

    /// <summary>Minutes as the report shows hours: to a tenth, never rounded up.</summary>
    private static string Hours(long minutes)
    {
        var tenths = minutes * 10 / 60;
        return tenths % 10 == 0 ? (tenths / 10).ToString(CultureInfo.InvariantCulture) : FormattableString.Invariant($"{tenths / 10}.{tenths % 10}");
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, int tries)
    {
        for (var attempt = 0; attempt < tries && !await done(); attempt++) await Task.Delay(500);
    }
}
