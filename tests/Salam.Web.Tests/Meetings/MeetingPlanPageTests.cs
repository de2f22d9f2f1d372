using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Meetings;

/// <summary>The planning form over the real application: what is typed (Persian digits included) and ticked becomes the meeting.</summary>
public sealed class MeetingPlanPageTests : StaffComponentTest
{
    [Fact]
    public async Task A_meeting_planned_on_the_form_is_saved_as_typed_and_the_page_goes_to_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        await SignInAsync(app, "facilitator.pardisan");
        var day = ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(5);

        var page = RenderPlan(pardisan.NeighbourhoodId);
        page.WaitForElement(".meeting-plan-save", Patience);
        await page.ChangeAsync(".meeting-title input", "جلسهٔ هماهنگی آذر");
        await page.ChangeAsync(".meeting-place input", "سرای محلهٔ پردیسان");
        await page.ChangeAsync(".meeting-date input", Pardisan.Jalali(day));
        await page.ChangeAsync(".meeting-time input", "۱۶:۳۰");
        page.Find($".meeting-invite-agency[data-agency-id='{pardisan.Welfare}'] input").Change(true);
        await page.ChangeAsync(".meeting-invite-other input", "شورایاران پردیسان");
        await page.ClickAsync("button.meeting-invite-other-add");
        page.WaitForAssertion(() => Assert.Contains("شورایاران پردیسان", page.Find(".meeting-invite-others").TextContent), Patience);
        await page.ChangeAsync(".meeting-agenda-free input", "بازدید از پارک");
        await page.ClickAsync("button.meeting-agenda-free-add");
        page.WaitForAssertion(() => Assert.Contains("بازدید از پارک", page.Find(".meeting-free-items").TextContent), Patience);
        await page.ClickAsync("button.meeting-plan-save");

        var meeting = await EventuallyAsync(() => app.ReadAsync(db => db.Meetings.Where(m => m.Title == "جلسهٔ هماهنگی آذر")
            .Select(m => new { m.Id, m.Kind, m.Place, m.StartsAt, m.NeighbourhoodId, m.CountyId, m.ProvinceId, m.Status,
                Organisations = m.Organisations.Select(o => new { o.Kind, o.AgencyId, o.Name }).ToList(),
                Agenda = m.Agenda.Select(a => new { a.Kind, a.Text }).ToList() }).SingleOrDefaultAsync()), m => m is not null, "the meeting planned");
        Assert.Equal(MeetingKind.NeighbourhoodCoordination, meeting!.Kind);
        Assert.Equal("سرای محلهٔ پردیسان", meeting.Place);
        Assert.Equal((pardisan.NeighbourhoodId, pardisan.CountyId, pardisan.ProvinceId), (meeting.NeighbourhoodId!.Value, meeting.CountyId!.Value, meeting.ProvinceId));
        Assert.Equal(day.ToDateTime(new TimeOnly(16, 30)), ProgrammeCalendar.LocalTime(meeting.StartsAt)); // 16:30 in Tehran
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(2, meeting.Organisations.Count);
        Assert.Contains(meeting.Organisations, o => o.Kind == OrganisationKind.Agency && o.AgencyId == pardisan.Welfare);
        Assert.Contains(meeting.Organisations, o => o.Kind == OrganisationKind.ResidentsRepresentatives && o.Name == "شورایاران پردیسان");
        Assert.Equal("بازدید از پارک", Assert.Single(meeting.Agenda, a => a.Kind == AgendaItemKind.Free).Text);
        page.WaitForAssertion(() => Assert.EndsWith($"/meetings/{meeting.Id}", Services.GetRequiredService<NavigationManager>().Uri), Patience);
    }

    [Fact]
    public async Task A_plan_inviting_nobody_is_refused_with_the_message_and_writes_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        await SignInAsync(app, "facilitator.pardisan");
        var navigation = Services.GetRequiredService<NavigationManager>();

        var page = RenderPlan(pardisan.NeighbourhoodId);
        var addressBefore = navigation.Uri;
        page.WaitForElement(".meeting-plan-save", Patience);
        await page.ChangeAsync(".meeting-title input", "جلسهٔ بی‌دعوت");
        await page.ChangeAsync(".meeting-place input", "سرای محله");
        await page.ChangeAsync(".meeting-date input", Pardisan.Jalali(ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(3)));
        await page.ClickAsync("button.meeting-plan-save");

        page.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(page.Find(".meeting-plan .salam-error").TextContent)), Patience);
        Assert.DoesNotContain("Meeting.", page.Find(".meeting-plan .salam-error").TextContent); // a translated message, not a code
        Assert.Equal(0, await app.ReadAsync(db => db.Meetings.CountAsync()));
        Assert.Equal(addressBefore, navigation.Uri);
    }

    [Fact]
    public async Task A_date_that_is_not_a_Jalali_date_is_said_so_and_plans_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderPlan(pardisan.NeighbourhoodId);
        page.WaitForElement(".meeting-plan-save", Patience);
        await page.ChangeAsync(".meeting-title input", "جلسه با تاریخ نادرست");
        await page.ChangeAsync(".meeting-place input", "سرای محله");
        page.Find($".meeting-invite-agency[data-agency-id='{pardisan.Welfare}'] input").Change(true);
        await page.ChangeAsync(".meeting-date input", "فردا");
        await page.ClickAsync("button.meeting-plan-save");

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".salam-error, .mud-input-error"), e => e.TextContent.Length > 0), Patience);
        Assert.Equal(0, await app.ReadAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task The_form_offers_the_agencies_that_work_in_the_neighbourhood_in_English_too()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var page = RenderPlan(pardisan.NeighbourhoodId);
        page.WaitForElement(".meeting-plan-save", Patience);
        Assert.Contains("Qom Municipality", page.Find($".meeting-invite-agency[data-agency-id='{pardisan.Municipality}']").TextContent);
        Assert.Contains("Pardisan", page.Markup);
        // The select shows the chosen kind once its items have registered, a render later.
        page.WaitForAssertion(() => Assert.Contains("Neighbourhood coordination", page.Find(".meeting-kind").InnerHtml), Patience);
    }

    private IRenderedComponent<MeetingPlanPage> RenderPlan(int neighbourhoodId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/meetings/plan?scope=Neighbourhood&id={neighbourhoodId}");
        return Render<MeetingPlanPage>();
    }
}
