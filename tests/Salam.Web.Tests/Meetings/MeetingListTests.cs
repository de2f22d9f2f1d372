using Bunit;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Meetings;

/// <summary>The province's meetings for its officer (with the plan buttons), for ministry staff (read only), and on the facilitator's desk.</summary>
public sealed class MeetingListTests : StaffComponentTest
{
    [Fact]
    public async Task The_officer_sees_the_provinces_meetings_with_the_on_time_share_and_may_plan_a_county_or_province_meeting()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddDays(3));
        await SignInAsync(app, "officer.qom");

        var page = Render<MeetingsPage>();

        page.WaitForAssertion(() => Assert.Contains(Pardisan.Title, page.Find(".meetings-table").TextContent), Patience);
        Assert.Equal($"/meetings/{id}", page.Find(".meetings-row a").GetAttribute("href"));
        Assert.Contains("Share of decisions delivered on time", page.Find(".meetings-on-time").TextContent);
        Assert.Equal($"/meetings/plan?scope=Province&id={pardisan.ProvinceId}", page.Find("a.meetings-plan-province").GetAttribute("href"));
        Assert.NotNull(page.Find(".meetings-plan-county"));
    }

    [Fact]
    public async Task Ministry_staff_read_a_provinces_meetings_without_plan_buttons()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddDays(3));
        await SignInAsync(app, "ministry");

        var page = Render<MeetingsPage>();

        page.WaitForElement(".meetings-province", Patience);
        Assert.Empty(page.FindAll(".meetings-plan-province"));
    }

    [Fact]
    public async Task The_facilitators_desk_lists_the_neighbourhoods_meetings_and_links_to_the_plan_form()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.PlanAsync(app, app.Clock.GetUtcNow().AddDays(3));
        await SignInAsync(app, "facilitator.pardisan");

        var section = Render<NeighbourhoodMeetings>(p => p.Add(m => m.NeighbourhoodId, pardisan.NeighbourhoodId));

        section.WaitForAssertion(() => Assert.Equal($"/meetings/{id}", section.Find(".meetings-row a").GetAttribute("href")), Patience);
        Assert.Equal($"/meetings/plan?scope=Neighbourhood&id={pardisan.NeighbourhoodId}", section.Find("a.desk-plan-meeting").GetAttribute("href"));
    }
}
