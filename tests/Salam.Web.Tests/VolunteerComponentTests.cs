using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Salam.Application.Home.Queries;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.People;
using Salam.Web.Components.Shared;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The volunteer sign-up fields and the facilitator's roster filter, rendered by bUnit.</summary>
public sealed class VolunteerComponentTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public VolunteerComponentTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<DisplayFormat>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Persian);
    }

    private static RosterRow Row(int id, string name, VolunteerSkill skills, Weekdays days, VolunteerStatus status, int neighbourhood = 1) =>
        new(id, name, neighbourhood, new PlaceName($"محله {neighbourhood}", $"Place {neighbourhood}"), skills, days, 6, status, false, Now, "0912000000" + id, null, 0);

    private static readonly VolunteerRoster Roster = new(
        [new(1, new PlaceName("پردیسان", "Pardisan")), new(2, new PlaceName("شهرک قدس", "Shahrak-e Qods"))],
        [
            Row(1, "زهرا احمدی", VolunteerSkill.Nursing | VolunteerSkill.Driving, Weekdays.Saturday | Weekdays.Monday, VolunteerStatus.Registered),
            Row(2, "علی رضایی", VolunteerSkill.Teaching, Weekdays.Monday, VolunteerStatus.Active, neighbourhood: 2),
            Row(3, "مریم کریمی", VolunteerSkill.Nursing, Weekdays.Friday, VolunteerStatus.Contacted),
        ],
        ShowsContact: true);

    private static string[] Names(IRenderedComponent<VolunteerRosterTable> table) =>
        [.. table.FindAll("tr.salam-roster-row td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public void The_sign_up_fields_offer_every_skill_and_day_in_persian_and_keep_the_chosen_ones_checked()
    {
        var fields = Render<VolunteerOfferFields>(p => p.Add(f => f.Prefix, "Form").Add(f => f.Skills, VolunteerSkill.Nursing | VolunteerSkill.Cooking)
            .Add(f => f.Days, Weekdays.Friday).Add(f => f.Hours, "۶").Add(f => f.Errors, ["ساعت در هفته باید بین ۱ و ۸۰ باشد."]));

        Assert.Equal(16, fields.FindAll("input[name=skills]").Count);
        Assert.Equal(7, fields.FindAll("input[name=days]").Count);
        Assert.Equal(["Nursing", "Cooking"], fields.FindAll("input[name=skills][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Friday", fields.Find("input[name=days][checked]").GetAttribute("value"));
        Assert.Contains("پرستاری", fields.Markup);
        Assert.Contains("جمعه", fields.Markup);
        Assert.Equal("۶", fields.Find("input[name='Form.Hours']").GetAttribute("value"));
        Assert.NotNull(fields.Find("textarea[name='Form.Note']"));
        Assert.Equal("ساعت در هفته باید بین ۱ و ۸۰ باشد.", fields.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void The_roster_filters_by_skill_then_by_day_then_by_status()
    {
        var table = Render<VolunteerRosterTable>(p => p.Add(t => t.Roster, Roster));
        Assert.Equal(3, Names(table).Length);

        table.Find("[data-skill=Nursing]").Click();
        Assert.Equal(["زهرا احمدی", "مریم کریمی"], Names(table));
        Assert.Equal("true", table.Find("[data-skill=Nursing]").GetAttribute("aria-pressed"));

        table.Find("[data-day=Monday]").Click();
        Assert.Equal(["زهرا احمدی"], Names(table));

        table.Find("[data-day=Monday]").Click();
        table.Find("[data-status=Contacted]").Click();
        Assert.Equal(["مریم کریمی"], Names(table));
        Assert.Contains("۱ داوطلب از ۳", table.Find("#roster-count").TextContent);
    }

    [Fact]
    public void The_roster_filters_by_neighbourhood_and_offers_the_next_steps_only_to_a_facilitator()
    {
        (int, VolunteerStatus)? moved = null;
        var table = Render<VolunteerRosterTable>(p => p.Add(t => t.Roster, Roster).Add(t => t.OnMove, ((int, VolunteerStatus) m) => moved = m));

        table.Find("select.salam-select").Change("2");
        Assert.Equal(["علی رضایی"], Names(table));
        table.Find("select.salam-select").Change("");

        table.FindAll("tr.salam-roster-row")[0].QuerySelector("button.salam-move[data-to=Contacted]")!.Click();
        Assert.Equal((1, VolunteerStatus.Contacted), moved);

        var readOnly = Render<VolunteerRosterTable>(p => p.Add(t => t.Roster, Roster with { ShowsContact = false }));
        Assert.Empty(readOnly.FindAll("button.salam-move"));
        Assert.DoesNotContain("tel:", readOnly.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
