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
        new(id, name, neighbourhood, new PlaceName($"محله {neighbourhood}", $"Place {neighbourhood}"), skills, days, 6, status, false, Now, "0912000000" + id, null, 0, 0);

    private static readonly NeighbourhoodChoice[] Places = [new(1, new PlaceName("پردیسان", "Pardisan")), new(2, new PlaceName("شهرک قدس", "Shahrak-e Qods"))];

    private static readonly RosterRow[] Rows =
    [
        Row(1, "زهرا احمدی", VolunteerSkill.Nursing | VolunteerSkill.Driving, Weekdays.Saturday | Weekdays.Monday, VolunteerStatus.Registered),
        Row(2, "علی رضایی", VolunteerSkill.Teaching, Weekdays.Monday, VolunteerStatus.Active, neighbourhood: 2),
        Row(3, "مریم کریمی", VolunteerSkill.Nursing, Weekdays.Friday, VolunteerStatus.Contacted),
    ];

    private readonly List<GetVolunteerRoster> _asked = [];

    /// <summary>Stands in for the server: records each query and answers it as the handler would (its filter is tested against SQLite in the application tests).</summary>
    private Func<GetVolunteerRoster, CancellationToken, Task<VolunteerRoster>> Server(bool showsContact = true) => (query, _) =>
    {
        _asked.Add(query);
        var f = query.Filter ?? new RosterFilter();
        var kept = Rows.Where(r => (f.Skills == VolunteerSkill.None || (r.Skills & f.Skills) != 0) && (r.Days & f.Days) == f.Days
            && (f.Status is null || r.Status == f.Status) && (f.NeighbourhoodId is null || r.NeighbourhoodId == f.NeighbourhoodId)).ToList();
        return Task.FromResult(new VolunteerRoster(Places, [.. kept.Skip(query.Page * query.PageSize).Take(query.PageSize)], kept.Count, showsContact));
    };

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
    public void The_roster_asks_the_server_for_one_page_with_the_chosen_skill_day_and_status()
    {
        var table = Render<VolunteerRosterTable>(p => p.Add(t => t.Load, Server()));
        table.WaitForAssertion(() => Assert.Equal(3, Names(table).Length));
        Assert.Equal(new GetVolunteerRoster(new RosterFilter(), 0, 25), Assert.Single(_asked));

        table.Find("[data-skill=Nursing]").Click();
        table.WaitForAssertion(() => Assert.Equal(["زهرا احمدی", "مریم کریمی"], Names(table)));
        Assert.Equal(VolunteerSkill.Nursing, _asked[^1].Filter!.Skills);
        Assert.Equal("true", table.Find("[data-skill=Nursing]").GetAttribute("aria-pressed"));

        table.Find("[data-day=Monday]").Click();
        table.WaitForAssertion(() => Assert.Equal(["زهرا احمدی"], Names(table)));

        table.Find("[data-day=Monday]").Click();
        table.Find("[data-status=Contacted]").Click();
        table.WaitForAssertion(() => Assert.Equal(["مریم کریمی"], Names(table)));
        Assert.Equal(new RosterFilter(VolunteerSkill.Nursing, Weekdays.None, VolunteerStatus.Contacted), _asked[^1].Filter);
        Assert.Contains("۱ داوطلب", table.Find("#roster-count").TextContent);
        Assert.All(_asked, q => Assert.True(q.PageSize <= 100));
    }

    [Fact]
    public void The_roster_filters_by_neighbourhood_and_offers_placing_and_the_next_steps_only_to_a_facilitator()
    {
        (int, VolunteerStatus)? moved = null;
        RosterRow? placing = null;
        var table = Render<VolunteerRosterTable>(p => p.Add(t => t.Load, Server())
            .Add(t => t.OnMove, ((int, VolunteerStatus) m) => moved = m).Add(t => t.OnPlace, (RosterRow r) => placing = r));
        table.WaitForAssertion(() => Assert.Equal(3, Names(table).Length));

        table.Find("select.salam-select").Change("2");
        table.WaitForAssertion(() => Assert.Equal(["علی رضایی"], Names(table)));
        table.Find("select.salam-select").Change("");
        table.WaitForAssertion(() => Assert.Equal(3, Names(table).Length));

        table.FindAll("tr.salam-roster-row")[0].QuerySelector("button.salam-move[data-to=Contacted]")!.Click();
        Assert.Equal((1, VolunteerStatus.Contacted), moved);
        table.FindAll("tr.salam-roster-row")[2].QuerySelector("button.salam-place-from-row")!.Click();
        Assert.Equal(3, placing?.Id);

        var readOnly = Render<VolunteerRosterTable>(p => p.Add(t => t.Load, Server(showsContact: false)));
        readOnly.WaitForAssertion(() => Assert.Equal(3, Names(readOnly).Length));
        Assert.Empty(readOnly.FindAll("button.salam-move"));
        Assert.Empty(readOnly.FindAll("button.salam-place-from-row"));
        Assert.DoesNotContain("tel:", readOnly.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
