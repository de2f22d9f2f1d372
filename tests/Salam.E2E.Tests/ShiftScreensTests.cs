using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using static Salam.E2E.Tests.GivingJourneySteps;

namespace Salam.E2E.Tests;

/// <summary>
/// The shift screens in Chromium, in each language: Pardisan's facilitator adds a shift and assigns a volunteer, another volunteer
/// signs up from their page, the clock passes the shift's end and the facilitator records everyone at once; the volunteer sees
/// their hours, the roster its column, and ministry staff make the national day. Each screen is kept at a phone's width and a
/// desk's, passes axe and does not scroll sideways on the phone.
/// </summary>
public sealed class ShiftScreensTests(MeetingJourneyFixture browser) : IClassFixture<MeetingJourneyFixture>
{
    [Theory]
    [InlineData("fa-IR", "fa")]
    [InlineData("en-US", "en")]
    public async Task A_shift_is_made_booked_worked_and_counted_on_its_screens(string culture, string lang)
    {
        var persian = lang == "fa";
        var title = persian ? $"پاک‌سازی پارک پردیسان {lang}" : $"Pardisan park clean-up {lang}";
        var (pardisan, volunteers) = await browser.ReadAsync(async db =>
        {
            var place = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync();
            var ready = await db.Volunteers.Where(v => v.NeighbourhoodId == place && v.WithdrawnAt == null
                    && (v.Status == VolunteerStatus.Contacted || v.Status == VolunteerStatus.Active))
                .OrderBy(v => v.Id).Select(v => new { v.Id, v.Resident!.Mobile }).Take(4).ToListAsync();
            return (place, ready);
        });
        // Two volunteers for each language, so each run's hours are its own.
        var (assigned, signsUp) = persian ? (volunteers[0], volunteers[1]) : (volunteers[2], volunteers[3]);

        // The facilitator adds a shift starting at the next whole hour plus two, for three hours.
        var facilitator = await browser.NewPageAsync(culture);
        await facilitator.SignInStaffAsync("facilitator.pardisan");
        await facilitator.WaitForURLAsync("**/facilitator");
        await facilitator.GotoAsync("/shifts/new");
        var linkKind = facilitator.Locator("[data-testid=shift-link-kind]");
        // The link's second list appears only once the page's circuit is up, so nothing typed after it is lost.
        for (var attempt = 0; attempt < 20 && !await facilitator.Locator("[data-testid=shift-link]").IsVisibleAsync(); attempt++)
        {
            await linkKind.SelectOptionAsync("Need");
            await Task.Delay(500);
        }
        await linkKind.SelectOptionAsync("None");
        var now = ProgrammeCalendar.LocalTime(browser.Clock.GetUtcNow());
        var starts = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0).AddHours(3);
        await facilitator.FillHookAsync("shift-title", title);
        await facilitator.FillHookAsync("shift-place", persian ? "پارک پردیسان، درِ شمالی" : "Pardisan park, north gate");
        await facilitator.FillHookAsync("shift-day", Typed(JalaliDate(starts), persian));
        await facilitator.FillHookAsync("shift-start", Typed(starts.ToString("HH:mm", CultureInfo.InvariantCulture), persian));
        await facilitator.FillHookAsync("shift-end", Typed(starts.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture), persian));
        await facilitator.Locator("[data-testid=shift-skill]").SelectOptionAsync(nameof(VolunteerSkill.BuildingAndRepair));
        await facilitator.FillHookAsync("shift-places", Typed("6", persian));
        await facilitator.Locator("[data-testid=shift-neighbourhood]").SelectOptionAsync(pardisan.ToString(CultureInfo.InvariantCulture));
        await ShootBothWidthsAsync(facilitator, $"shift-1-new-{lang}");
        await facilitator.ClickUntilAddressAsync(facilitator.Locator("[data-testid=shift-save]"), new System.Text.RegularExpressions.Regex(@"/shifts/\d+$"));
        var shiftId = int.Parse(facilitator.Url.Split('/').Last(), CultureInfo.InvariantCulture);

        await facilitator.Locator("[data-testid=shift-assign-volunteer]").SelectOptionAsync(assigned.Id.ToString(CultureInfo.InvariantCulture));
        await facilitator.Locator("[data-testid=shift-assign]").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".booking-line")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await ShootBothWidthsAsync(facilitator, $"shift-2-page-{lang}");

        // Another volunteer signs up from their own page (a plain form, no circuit).
        var resident = await browser.NewPageAsync(culture);
        await resident.SignInResidentAsync(browser.App, signsUp.Mobile);
        await resident.GotoAsync("/resident/volunteer");
        var open = resident.Locator($".my-open-shift[data-shift-id='{shiftId}']");
        await Assertions.Expect(open).ToBeVisibleAsync();
        await ShootBothWidthsAsync(resident, $"shift-3-resident-open-{lang}");
        await open.Locator(".shift-sign-up").ClickAsync();
        await Assertions.Expect(resident.Locator($".my-booked-shift[data-shift-id='{shiftId}']")).ToBeVisibleAsync();

        // The shift is over: the facilitator records both at once, one for two hours, the other absent.
        browser.Clock.Advance(TimeSpan.FromHours(7));
        await facilitator.GotoAsync($"/shifts/{shiftId}");
        var bookings = await browser.ReadAsync(db => db.ShiftBookings.Where(b => b.ShiftId == shiftId).Select(b => new { b.Id, b.VolunteerId }).ToListAsync());
        var (worked, absent) = (bookings.Single(b => b.VolunteerId == signsUp.Id).Id, bookings.Single(b => b.VolunteerId == assigned.Id).Id);
        await Assertions.Expect(facilitator.Locator("[data-testid=attendance-save]")).ToBeVisibleAsync();
        await facilitator.FillHookAsync($"attendance-minutes-{worked}", Typed("120", persian));
        await facilitator.Locator($"[data-testid=attendance-attended-{absent}]").UncheckAsync();
        await Assertions.Expect(facilitator.Locator($"[data-testid=attendance-minutes-{absent}]")).ToHaveCountAsync(0);
        await ShootBothWidthsAsync(facilitator, $"shift-4-attendance-{lang}");
        await facilitator.Locator("[data-testid=attendance-save]").ClickAsync();
        await Assertions.Expect(facilitator.Locator(".shift-summary .shift-hours")).ToContainTextAsync(persian ? "۲ ساعت" : "2 h");
        var recorded = await browser.ReadAsync(db => db.ShiftBookings.Where(b => b.ShiftId == shiftId).OrderBy(b => b.Id).Select(b => new { b.Id, b.Attendance, b.Minutes }).ToListAsync());
        Assert.Contains(recorded, b => b.Id == worked && b.Attendance == Attendance.Attended && b.Minutes == 120);
        Assert.Contains(recorded, b => b.Id == absent && b.Attendance == Attendance.NoShow && b.Minutes == 0);

        await facilitator.GotoAsync("/shifts");
        await Assertions.Expect(facilitator.Locator($".shift-line[data-shift-id='{shiftId}']")).ToBeVisibleAsync();
        await ShootBothWidthsAsync(facilitator, $"shift-5-list-{lang}");

        await resident.GotoAsync("/resident/volunteer");
        await Assertions.Expect(resident.Locator($".my-past-shift[data-shift-id='{shiftId}']")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".my-hours")).ToContainTextAsync(persian ? "۲ ساعت" : "2 h");
        await ShootBothWidthsAsync(resident, $"shift-6-resident-hours-{lang}");

        await facilitator.GotoAsync("/volunteers");
        await Assertions.Expect(facilitator.Locator(".salam-roster-hours").First).ToBeVisibleAsync(new() { Timeout = 15000 });
        await ShootBothWidthsAsync(facilitator, $"shift-7-roster-{lang}");

        // Ministry staff make a national day a week on, once.
        var ministry = await browser.NewPageAsync(culture);
        await ministry.SignInStaffAsync("ministry");
        await ministry.WaitForURLAsync("**/national");
        await ministry.GotoAsync("/national-events");
        var day = starts.AddDays(persian ? 7 : 8);
        // Typed before the page's circuit is up, a field is wiped when it starts (CI saw the title refused as missing): wait
        // for the page, and type the form again if the day was not made.
        var made = ministry.Locator(".event-line");
        for (var attempt = 0; attempt < 3 && !await made.IsVisibleAsync(); attempt++)
        {
            await Axe.SettleAsync(ministry);
            await ministry.FillHookAsync("event-title", persian ? "گفت‌وگوی ۱۴ بهمن" : "The 14 Bahman dialogue");
            await ministry.FillHookAsync("event-place", persian ? "سالن مرکز" : "The centre's hall");
            await ministry.FillHookAsync("event-day", Typed(JalaliDate(day), persian));
            await ministry.FillHookAsync("event-start", Typed("10:00", persian));
            await ministry.FillHookAsync("event-end", Typed("13:00", persian));
            await ministry.FillHookAsync("event-places", Typed("15", persian));
            await ministry.Locator("[data-testid=event-save]").ClickAsync();
            try { await made.WaitForAsync(new() { Timeout = 10_000 }); }
            catch (TimeoutException) { }
        }
        await Assertions.Expect(made).ToBeVisibleAsync();
        await ShootBothWidthsAsync(ministry, $"shift-8-national-{lang}");

        browser.AssertNoCspViolations(facilitator, resident, ministry);
    }

    /// <summary>Screenshots at both widths; at the phone's width the screen must also pass axe and not scroll sideways.</summary>
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
        await page.ShootAsync($"{name}-1366");
    }
}
