using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Queries.GetNeighbourhoodNeeds;
using Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;
using Salam.Domain.Duties;
using Salam.Testing;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Components.Pages.Facilitators;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// Numbers typed with Persian (۰–۹) or Arabic-Indic (٠–٩) digits reach the database as those numbers (they used to be saved
/// as 0); text that is not a number is refused with a message and writes nothing.
/// </summary>
public sealed class PersianDigitInputTests : StaffComponentTest
{
    private static Task<int> WelfareDutyToAdvanceAsync(TestApp app) => app.ReadAsync(db => db.Duties
        .Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && (d.Status == DutyStatus.Accepted || d.Status == DutyStatus.InProgress) && d.PercentComplete < 40)
        .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

    [Theory]
    [InlineData("۴۵")]
    [InlineData("٤٥")]
    public async Task Duty_progress_typed_in_Persian_or_Arabic_Indic_digits_is_saved_as_that_number(string typed)
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var dutyId = await WelfareDutyToAdvanceAsync(app);
        await SignInAsync(app, "agency.qom.welfare");

        var page = Render<DutyPage>(p => p.Add(d => d.DutyId, dutyId));
        page.WaitForElement(".duty-percent-input input").Change(typed);
        // The change may queue behind the page's own rendering (it did on PostgreSQL), so wait for it to show.
        page.WaitForAssertion(() => Assert.Equal("۴۵", page.Find(".duty-percent-input input").GetAttribute("value"))); // shown back in Persian digits
        await page.ClickAsync("button.duty-save");

        var saved = await EventuallyAsync(() => app.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.PercentComplete).SingleAsync()), p => p != 0 && p >= 40, "the percent saved");
        Assert.Equal(45, saved);
    }

    [Fact]
    public async Task Duty_progress_that_is_not_a_number_is_refused_with_a_message_and_writes_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var dutyId = await WelfareDutyToAdvanceAsync(app);
        var before = await app.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => new { d.PercentComplete, Updates = d.Updates.Count }).SingleAsync());
        await SignInAsync(app, "agency.qom.welfare");

        var page = Render<DutyPage>(p => p.Add(d => d.DutyId, dutyId));
        page.WaitForElement(".duty-percent-input input").Change("چهل");
        page.WaitForAssertion(() => Assert.Contains("یک عدد صحیح بنویسید", page.Find(".duty-percent-input").TextContent));
        await page.ClickAsync("button.duty-save");
        await Task.Delay(500); // a save that wrongly went through would have written by now

        var after = await app.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => new { d.PercentComplete, Updates = d.Updates.Count }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("۱۰", "۷")]
    [InlineData("١٠", "٧")]
    public async Task Round_length_and_ranks_typed_in_Persian_or_Arabic_Indic_digits_reach_the_round(string days, string ranks)
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var place = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        await SignInAsync(app, "facilitator.pardisan");

        var desk = await RenderRoundsPanelAsync(app, place);
        desk.WaitForElement(".round-create");
        await desk.ChangeAsync(".round-title input", "دور آزمایشی رقم‌ها");
        await desk.ChangeAsync(".round-days input", days);
        await desk.ChangeAsync(".round-max-ranks input", ranks);
        await desk.ChangeAsync(".round-need input", true);
        await desk.ClickAsync("button.round-create");

        var round = await EventuallyAsync(() => app.ReadAsync(db => db.PriorityRounds.Where(r => r.Title == "دور آزمایشی رقم‌ها").Select(r => new { r.MaxRanks, r.OpensAt, r.ClosesAt }).SingleOrDefaultAsync()), r => r is not null, "the round created");
        Assert.Equal(7, round!.MaxRanks);
        Assert.Equal(TimeSpan.FromDays(10), round.ClosesAt - round.OpensAt);
    }

    [Fact]
    public async Task A_round_length_that_is_not_a_number_creates_no_round()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var place = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var before = await app.ReadAsync(db => db.PriorityRounds.CountAsync());
        await SignInAsync(app, "facilitator.pardisan");

        var desk = await RenderRoundsPanelAsync(app, place);
        desk.WaitForElement(".round-create");
        await desk.ChangeAsync(".round-title input", "دور با مدت نادرست");
        await desk.ChangeAsync(".round-days input", "ده");
        await desk.ChangeAsync(".round-need input", true);
        await desk.ClickAsync("button.round-create");
        await Task.Delay(500);

        Assert.Equal(before, await app.ReadAsync(db => db.PriorityRounds.CountAsync()));
        Assert.Contains("یک عدد صحیح بنویسید", desk.Find(".round-days").TextContent);
    }

    private async Task<IRenderedComponent<RoundsPanel>> RenderRoundsPanelAsync(TestApp app, int place)
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var rounds = await app.SendAsync<NeighbourhoodRounds>(facilitator, new GetNeighbourhoodRounds(place));
        var needs = await app.SendAsync<IReadOnlyList<NeedRow>>(facilitator, new GetNeighbourhoodNeeds(place));
        return Render<RoundsPanel>(p => p.Add(r => r.NeighbourhoodId, place).Add(r => r.Rounds, rounds).Add(r => r.Needs, needs));
    }
}
