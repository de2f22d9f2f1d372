using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Localization;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Testing;
using Salam.Web.Components.Pages.Shifts;
using Salam.Web.Localization;
using static Salam.Web.Tests.Shifts.ShiftWaits;

namespace Salam.Web.Tests.Shifts;

/// <summary>The new-shift form over the real application: what is typed (Persian digits included) becomes the shift; a refusal writes nothing.</summary>
public sealed class NewShiftPageTests : StaffComponentTest
{
    private static async Task FillAsync(IRenderedComponent<NewShiftPage> page, string title, DateOnly day, string start, string end, string places)
    {
        await page.ChangeAsync(".shift-title input", title);
        await page.ChangeAsync(".shift-place input", "سرای محلهٔ پردیسان");
        await page.ChangeAsync(".shift-day input", ShiftScene.Jalali(day));
        await page.ChangeAsync(".shift-start input", start);
        await page.ChangeAsync(".shift-end input", end);
        await page.ChangeAsync(".shift-places input", places);
    }

    [Fact]
    public async Task A_shift_typed_in_persian_digits_is_saved_as_typed_for_the_chosen_neighbourhood_and_skill_and_the_page_goes_to_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = await ShiftScene.FindAsync(app);
        await SignInAsync(app, "facilitator.pardisan");
        var day = ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(6);

        var page = Render<NewShiftPage>();
        page.WaitForElement("button.shift-save", Patience);
        await FillAsync(page, "روز آشپزی برای سالمندان", day, "۰۹:۳۰", "۱۲:۰۰", "۱۲");
        await page.ChangeAsync("select.shift-skill", nameof(VolunteerSkill.Cooking));
        await page.ChangeAsync("select.shift-neighbourhood", scene.NeighbourhoodId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("button.shift-save");

        var shift = await EventuallyAsync(() => app.ReadAsync(db => db.Shifts.Where(s => s.Title == "روز آشپزی برای سالمندان")
            .Select(s => new { s.Id, s.CentreId, s.NeighbourhoodId, s.Place, s.StartsAt, s.EndsAt, s.Skill, s.Places }).SingleOrDefaultAsync()), s => s is not null, "the shift");
        Assert.Equal((scene.CentreId, scene.NeighbourhoodId, "سرای محلهٔ پردیسان"), (shift!.CentreId, shift.NeighbourhoodId!.Value, shift.Place));
        Assert.Equal(day.ToDateTime(new TimeOnly(9, 30)), ProgrammeCalendar.LocalTime(shift.StartsAt)); // Tehran wall-clock time
        Assert.Equal(day.ToDateTime(new TimeOnly(12, 0)), ProgrammeCalendar.LocalTime(shift.EndsAt));
        Assert.Equal((VolunteerSkill.Cooking, 12), (shift.Skill, shift.Places));
        page.WaitForAssertion(() => Assert.EndsWith($"/shifts/{shift.Id}", Services.GetRequiredService<NavigationManager>().Uri), Patience);
    }

    [Theory]
    [InlineData("", "۰۹:۰۰", "۱۲:۰۰", "۵", "Shift.TitleRequired")]
    [InlineData("روز پاک‌سازی", "۰۸:۰۰", "۲۳:۰۰", "۵", "Shift.TooLong")]
    [InlineData("روز پاک‌سازی", "۰۹:۰۰", "۱۲:۰۰", "۶۰۰", "Shift.PlacesOutOfRange")]
    public async Task A_refused_shift_shows_the_commands_message_and_writes_nothing(string title, string start, string end, string places, string key)
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, "facilitator.pardisan");
        var before = await app.ReadAsync(db => db.Shifts.CountAsync());

        var page = Render<NewShiftPage>();
        page.WaitForElement("button.shift-save", Patience);
        await FillAsync(page, title, ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(3), start, end, places);
        await page.ClickAsync("button.shift-save");

        var message = key == "Shift.PlacesOutOfRange" ? Text.Get(key, 1, Domain.Shifts.Shift.MaxPlaces)
            : key == "Shift.TooLong" ? Text.Get(key, 12) : Text.Get(key);
        page.WaitForAssertion(() => Assert.Contains(message, page.Find(".shift-form .salam-error").TextContent), Patience);
        Assert.Equal(before, await app.ReadAsync(db => db.Shifts.CountAsync()));
    }

    [Fact]
    public async Task Places_that_are_not_a_number_or_a_missing_day_are_said_on_the_form_and_nothing_is_sent()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, "facilitator.pardisan");
        var before = await app.ReadAsync(db => db.Shifts.CountAsync());

        var page = Render<NewShiftPage>();
        page.WaitForElement("button.shift-save", Patience);
        await page.ChangeAsync(".shift-title input", "روز پاک‌سازی");
        await page.ChangeAsync(".shift-place input", "پارک");
        await page.ClickAsync("button.shift-save");
        page.WaitForAssertion(() => Assert.Contains("روز نوبت را برگزینید", page.Find(".salam-error").TextContent), Patience);

        await FillAsync(page, "روز پاک‌سازی", ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(3), "۰۹:۰۰", "۱۲:۰۰", "ده");
        await page.ClickAsync("button.shift-save");
        page.WaitForAssertion(() => Assert.Contains("«شمار جاها» عدد نیست", page.Find(".salam-error").TextContent), Patience);
        Assert.Equal(before, await app.ReadAsync(db => db.Shifts.CountAsync()));
    }

    [Fact]
    public async Task The_form_reads_in_english_with_every_skill_and_the_centres_neighbourhoods()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<NewShiftPage>();
        page.WaitForElement("button.shift-save", Patience);
        Assert.Contains("New volunteer shift", page.Markup);
        Assert.Equal(VolunteerFlags.Skills.Length + 1, page.FindAll("select.shift-skill option").Count);
        Assert.Contains(page.FindAll("select.shift-neighbourhood option"), o => o.TextContent == "Pardisan");
        Assert.Equal("All the centre's neighbourhoods", page.Find("select.shift-neighbourhood option").TextContent);
    }
}
