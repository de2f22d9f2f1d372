using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Localization;
using Salam.Domain.Shifts;
using Salam.Testing;
using Salam.Web.Components.Pages.Shifts;
using Salam.Web.Localization;
using static Salam.Web.Tests.Shifts.ShiftWaits;

namespace Salam.Web.Tests.Shifts;

/// <summary>The shift page over the real application: assigning and removing before the shift, everyone's attendance at once after it.</summary>
public sealed class ShiftDetailPageTests : StaffComponentTest
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private IRenderedComponent<ShiftDetailPage> RenderShift(int shiftId) => Render<ShiftDetailPage>(p => p.Add(s => s.ShiftId, shiftId));

    private static Task<List<(int Id, int VolunteerId, Attendance Attendance, int Minutes)>> BookingsAsync(TestApp app, int shiftId) =>
        app.ReadAsync(async db => (await db.ShiftBookings.Where(b => b.ShiftId == shiftId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.VolunteerId, b.Attendance, b.Minutes }).ToListAsync()).Select(b => (b.Id, b.VolunteerId, b.Attendance, b.Minutes)).ToList());

    [Fact]
    public async Task The_facilitator_assigns_a_ready_volunteer_from_the_list_and_takes_them_off_again()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        var shiftId = await scene.CreateAsync(app, ShiftScene.Ahead(app.Clock));
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderShift(shiftId);
        page.WaitForElement("select.shift-assign-volunteer", Patience);
        Assert.Contains(page.FindAll("select.shift-assign-volunteer option"), o => o.GetAttribute("value") == Id(scene.First.Id));
        await page.ChangeAsync("select.shift-assign-volunteer", Id(scene.First.Id));
        await page.ClickAsync("button.shift-assign");

        await EventuallyAsync(() => BookingsAsync(app, shiftId), b => b.Count == 1, "the booking");
        page.WaitForAssertion(() => Assert.Contains(scene.First.Name, page.Find($".booking-line[data-volunteer-id='{scene.First.Id}']").TextContent), Patience);
        // Once booked, they are no longer offered.
        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("select.shift-assign-volunteer option"), o => o.GetAttribute("value") == Id(scene.First.Id)), Patience);

        page.Find($".booking-line[data-volunteer-id='{scene.First.Id}'] button.booking-remove").Click();
        await EventuallyAsync(() => BookingsAsync(app, shiftId), b => b.Count == 0, "the booking removed");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".booking-line")), Patience);
    }

    [Fact]
    public async Task Assigning_without_choosing_says_so_and_writes_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        var shiftId = await scene.CreateAsync(app, ShiftScene.Ahead(app.Clock));
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderShift(shiftId);
        page.WaitForElement("button.shift-assign", Patience).Click();

        page.WaitForAssertion(() => Assert.Contains("نخست داوطلبی برگزینید", page.Find(".shift-bookings .salam-error").TextContent), Patience);
        Assert.Empty(await BookingsAsync(app, shiftId));
    }

    [Fact]
    public async Task After_the_shift_everyone_is_recorded_at_once_with_persian_digit_minutes_and_a_no_show()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        var shiftId = await scene.CreateAsync(app, ShiftScene.Ahead(app.Clock, days: 1), hours: 3);
        await ShiftScene.AssignAsync(app, shiftId, scene.First.Id);
        await ShiftScene.AssignAsync(app, shiftId, scene.Second.Id);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var bookings = await BookingsAsync(app, shiftId);
        var (came, stayedAway) = (bookings.Single(b => b.VolunteerId == scene.First.Id).Id, bookings.Single(b => b.VolunteerId == scene.Second.Id).Id);
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderShift(shiftId);
        page.WaitForElement("button.attendance-save", Patience);
        Assert.Empty(page.FindAll("select.shift-assign-volunteer")); // too late to assign
        page.Find($"[data-testid='attendance-minutes-{came}'] input").Change("۱۵۰");
        page.Find($"[data-testid='attendance-attended-{stayedAway}']").Change(false);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid='attendance-minutes-{stayedAway}']")), Patience);
        await page.ClickAsync("button.attendance-save");

        var saved = await EventuallyAsync(() => BookingsAsync(app, shiftId), b => b.All(x => x.Attendance != Attendance.Unrecorded), "the attendance");
        Assert.Equal((Attendance.Attended, 150), (saved.Single(b => b.Id == came).Attendance, saved.Single(b => b.Id == came).Minutes));
        Assert.Equal((Attendance.NoShow, 0), (saved.Single(b => b.Id == stayedAway).Attendance, saved.Single(b => b.Id == stayedAway).Minutes));
        page.WaitForAssertion(() => Assert.Contains("۲ ساعت و ۳۰ دقیقه", page.Find(".shift-summary .shift-hours").TextContent), Patience);
        page.WaitForAssertion(() => Assert.Contains("اصلاح حضور", page.Find("button.attendance-save").TextContent), Patience);
    }

    [Theory]
    [InlineData("۲۰۰", true)]
    [InlineData("ده", false)]
    public async Task Minutes_beyond_the_shift_or_not_a_number_are_refused_with_a_message_and_nobodys_attendance_is_written(string minutes, bool sent)
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        var shiftId = await scene.CreateAsync(app, ShiftScene.Ahead(app.Clock, days: 1), hours: 3);
        await ShiftScene.AssignAsync(app, shiftId, scene.First.Id);
        await ShiftScene.AssignAsync(app, shiftId, scene.Second.Id);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var first = (await BookingsAsync(app, shiftId)).Single(b => b.VolunteerId == scene.First.Id).Id;
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderShift(shiftId);
        page.WaitForElement("button.attendance-save", Patience);
        page.Find($"[data-testid='attendance-minutes-{first}'] input").Change(minutes);
        await page.ClickAsync("button.attendance-save");

        var expected = sent ? Text.Get("Shift.AttendanceInvalid", 180) : "عدد نیست";
        page.WaitForAssertion(() => Assert.Contains(expected, page.Find(".shift-attendance .salam-error").TextContent), Patience);
        Assert.All(await BookingsAsync(app, shiftId), b => Assert.Equal(Attendance.Unrecorded, b.Attendance));
    }

    [Fact]
    public async Task The_provincial_officer_reads_the_shift_without_assigning_or_recording()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        var shiftId = await scene.CreateAsync(app, ShiftScene.Ahead(app.Clock), title: "<img src=x onerror=alert(1)>Park clean-up");
        await ShiftScene.AssignAsync(app, shiftId, scene.First.Id);
        await SignInAsync(app, "officer.qom");

        var page = RenderShift(shiftId);
        page.WaitForElement(".booking-line", Patience);
        Assert.Empty(page.FindAll("select.shift-assign-volunteer"));
        Assert.Empty(page.FindAll("button.booking-remove"));
        Assert.Empty(page.FindAll(".shift-attendance"));
        // The title is text, never markup.
        Assert.Empty(page.FindAll("img"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;Park clean-up", page.Find("h1").InnerHtml);
        Assert.Contains("1 of 5", page.Find(".shift-summary .shift-booked").TextContent);
    }
}
