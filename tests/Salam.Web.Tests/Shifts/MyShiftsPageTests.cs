using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Shifts;

/// <summary>A volunteer's shifts on their page, over plain HTTP posts as a phone without script sends them.</summary>
public sealed class MyShiftsPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<T> WithDbAsync<T>(Func<SalamDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    /// <summary>A shift of Pardisan's centre, made straight in the database (its times chosen freely: the domain takes "now" as an argument).</summary>
    private Task<int> ShiftAsync(string title, DateTimeOffset startsAt, int places = 5, DateTimeOffset? madeAt = null) => WithDbAsync(async db =>
    {
        var scene = await ShiftScene.FindAsync(db);
        var shift = new Shift(scene.CentreId, scene.ProvinceId, scene.NeighbourhoodId, title, "پارک پردیسان", startsAt, startsAt.AddHours(3),
            VolunteerSkill.None, places, ShiftLink.None, null, 1, madeAt ?? DateTimeOffset.UtcNow);
        db.Shifts.Add(shift);
        await db.SaveChangesAsync();
        return shift.Id;
    });

    private Task<int> BookingsAsync(int shiftId) => WithDbAsync(db => db.ShiftBookings.CountAsync(b => b.ShiftId == shiftId));

    private static Dictionary<string, string> Press(string button, int shiftId) => new() { [$"Action.{button}"] = shiftId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_ready_volunteer_signs_up_for_an_open_shift_sees_it_booked_and_leaves_it_without_a_circuit()
    {
        var scene = await WithDbAsync(ShiftScene.FindAsync);
        var shiftId = await ShiftAsync("<script>alert(1)</script>کاشت درخت", DateTimeOffset.UtcNow.AddDays(3));
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, scene.First.Mobile);

        var page = await client.GetStringAsync("/resident/volunteer");
        Assert.Contains($"class=\"my-open-shift\" data-shift-id=\"{shiftId}\"", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;کاشت درخت", page);

        var posted = await client.SubmitAsync("/resident/volunteer", "shifts", Press("SignUp", shiftId));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await client.FollowAsync(posted);
        Assert.Contains("در نوبت ثبت‌نام شدید", after);
        Assert.Contains($"class=\"my-booked-shift\" data-shift-id=\"{shiftId}\"", after);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", after);
        Assert.Equal(1, await BookingsAsync(shiftId));

        var left = await client.SubmitAsync("/resident/volunteer", "shifts", Press("Leave", shiftId));
        Assert.Contains("از نوبت انصراف دادید", await client.FollowAsync(left));
        Assert.Equal(0, await BookingsAsync(shiftId));
    }

    [Fact]
    public async Task Signing_up_for_a_full_shift_is_refused_with_the_message_and_writes_nothing()
    {
        var scene = await WithDbAsync(ShiftScene.FindAsync);
        var shiftId = await ShiftAsync("روز آشپزی", DateTimeOffset.UtcNow.AddDays(4), places: 1);
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, scene.Second.Mobile);
        var post = await client.ReadFormAsync("/resident/volunteer", "shifts");
        // Someone else takes the last place between reading the page and pressing the button.
        await WithDbAsync(async db =>
        {
            var shift = await db.Shifts.Include(s => s.Bookings).SingleAsync(s => s.Id == shiftId);
            var other = await db.Volunteers.SingleAsync(v => v.Id == scene.First.Id);
            shift.Book(other, servedByCentre: true, overlapsAnother: false, bySelf: true, 1, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var posted = await post(Press("SignUp", shiftId));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(Salam.Application.Common.Localization.Text.Get("Shift.Full"), await posted.Content.ReadAsStringAsync());
        Assert.Equal(1, await BookingsAsync(shiftId));
    }

    [Fact]
    public async Task Past_shifts_show_the_attendance_and_the_hours_of_the_last_90_days_and_in_all()
    {
        var scene = await WithDbAsync(ShiftScene.FindAsync);
        var now = DateTimeOffset.UtcNow;
        var recent = await ShiftAsync("نوبت کتابخانه", now.AddDays(-3), madeAt: now.AddDays(-10));
        var old = await ShiftAsync("نوبت زمستان", now.AddDays(-120), madeAt: now.AddDays(-130));
        foreach (var (shiftId, minutes) in new[] { (recent, 150), (old, 60) })
        {
            await WithDbAsync(async db =>
            {
                var shift = await db.Shifts.Include(s => s.Bookings).SingleAsync(s => s.Id == shiftId);
                var volunteer = await db.Volunteers.SingleAsync(v => v.Id == scene.Second.Id);
                var booking = shift.Book(volunteer, true, false, true, 1, shift.StartsAt.AddDays(-1));
                await db.SaveChangesAsync();
                shift.RecordAttendance([new AttendanceEntry(booking.Id, Attendance.Attended, minutes)], 1, shift.EndsAt.AddHours(1));
                return await db.SaveChangesAsync();
            });
        }
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, scene.Second.Mobile);

        var page = await client.GetStringAsync("/resident/volunteer");

        Assert.Contains($"class=\"my-past-shift\" data-shift-id=\"{recent}\"", page);
        Assert.Contains("ساعت‌های من: ۲ ساعت و ۳۰ دقیقه در ۹۰ روز گذشته، ۳ ساعت و ۳۰ دقیقه روی هم.", page);
    }
}
