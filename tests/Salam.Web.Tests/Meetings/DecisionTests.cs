using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Salam.Application.Meetings.Commands.PublishMinutes;
using Salam.Application.Meetings.Commands.RecordDecision;
using Salam.Domain.Common;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Meetings;

/// <summary>Decisions on the meeting page: recorded, published (after a confirmation) into agency duties shown with their live status, amended.</summary>
public sealed class DecisionTests : StaffComponentTest
{
    [Fact]
    public async Task A_decision_recorded_and_published_on_the_page_becomes_the_agencys_duty_shown_with_its_status()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app, "## مصوبات");
        var due = ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(20);
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement("button.decision-add", Patience);
        await page.ChangeAsync(".decision-title input", "بازسازی زمین بازی پارک");
        await page.ChangeAsync(".decision-details textarea", "با همکاری شهرداری");
        await page.InvokeAsync(() => Select(page, "decision-agency").ValueChanged.InvokeAsync(pardisan.Municipality));
        await page.ChangeAsync(".decision-due input", Pardisan.Jalali(due));
        await page.ClickAsync("button.decision-add");

        var decision = await EventuallyAsync(() => app.ReadAsync(db => db.MeetingDecisions.Where(d => d.MeetingId == id)
            .Select(d => new { d.Id, d.Kind, d.Title, d.Details, d.AgencyId, d.NeighbourhoodId, d.DueDate }).SingleOrDefaultAsync()), d => d is not null, "the decision");
        Assert.Equal((DecisionKind.AgencyDuty, "بازسازی زمین بازی پارک", "با همکاری شهرداری"), (decision!.Kind, decision.Title, decision.Details));
        Assert.Equal((pardisan.Municipality, pardisan.NeighbourhoodId, due), (decision.AgencyId!.Value, decision.NeighbourhoodId!.Value, decision.DueDate!.Value));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".decision-row[data-decision-number='1']")), Patience);

        await page.ClickAsync("button.meeting-publish");
        page.WaitForElement("button.meeting-publish-confirm", Patience).Click();

        var dutyId = await EventuallyAsync(() => app.ReadAsync(db => db.MeetingDecisions.Where(d => d.Id == decision.Id).Select(d => d.DutyId).SingleAsync()),
            d => d is not null, "the decision's duty");
        Assert.Equal(MeetingStatus.MinutesPublished, await app.ReadAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        page.WaitForAssertion(() => Assert.Equal($"/duties/{dutyId}", page.Find(".decision-row a.decision-duty-link").GetAttribute("href")), Patience);
        Assert.NotEmpty(page.Find(".decision-row .decision-duty-status").TextContent.Trim());
        Assert.Empty(page.FindAll("button.decision-remove"));
        Assert.Empty(page.FindAll("button.decision-add"));
    }

    [Fact]
    public async Task Publishing_waits_for_the_confirmation()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app, "## مصوبات");
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement("button.meeting-publish", Patience).Click();
        page.WaitForElement("button.meeting-publish-cancel", Patience).Click();
        await Task.Delay(300);

        page.WaitForElement("button.meeting-publish", Patience);
        Assert.Equal(MeetingStatus.Held, await app.ReadAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_agency_decision_without_an_agency_is_refused_with_the_message_and_writes_nothing()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement("button.decision-add", Patience);
        await page.ChangeAsync(".decision-title input", "تصمیمی بی‌دستگاه");
        await page.ChangeAsync(".decision-due input", Pardisan.Jalali(ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(10)));
        await page.ClickAsync("button.decision-add");

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find(".decision-form .salam-error").TextContent.Trim()), Patience);
        Assert.DoesNotContain("Decision.", page.Find(".decision-form .salam-error").TextContent);
        Assert.Equal(0, await app.ReadAsync(db => db.MeetingDecisions.CountAsync(d => d.MeetingId == id)));
        Assert.Empty(page.FindAll(".decision-row"));
    }

    [Fact]
    public async Task A_published_decision_is_amended_by_a_new_one_and_both_stay_visible()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var pardisan = await Pardisan.FindAsync(app);
        var id = await pardisan.HeldAsync(app, "## Decisions");
        var facilitator = await Pardisan.FacilitatorAsync(app);
        var due = ProgrammeCalendar.DayOf(app.Clock.GetUtcNow()).AddDays(15);
        var first = await app.SendAsync<int>(facilitator, new RecordDecision(id,
            new DecisionDraft(DecisionKind.AgencyDuty, "Repair the playground", "", pardisan.Welfare, null, due, null)));
        await app.SendAsync<Mediator.Unit>(facilitator, new PublishMinutes(id, await Pardisan.VersionAsync(app, id)));
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<MeetingPage>(p => p.Add(m => m.MeetingId, id));
        page.WaitForElement(".decision-row[data-decision-number='1'] button.decision-amend", Patience).Click();
        page.WaitForAssertion(() => Assert.Equal("Repair the playground", page.Find(".decision-form .decision-title input").GetAttribute("value")), Patience);
        await page.ChangeAsync(".decision-form .decision-title input", "Repair the playground and its fence");
        await page.ClickAsync("button.decision-amend-save");

        var amendment = await EventuallyAsync(() => app.ReadAsync(db => db.MeetingDecisions.Where(d => d.MeetingId == id && d.AmendsDecisionId == first)
            .Select(d => new { d.Number, d.Title, d.AgencyId, d.DueDate }).SingleOrDefaultAsync()), d => d is not null, "the amending decision");
        Assert.Equal(("Repair the playground and its fence", pardisan.Welfare, due), (amendment!.Title, amendment.AgencyId!.Value, amendment.DueDate!.Value));
        Assert.Equal("Repair the playground", await app.ReadAsync(db => db.MeetingDecisions.Where(d => d.Id == first).Select(d => d.Title).SingleAsync()));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".decision-row").Count), Patience);
        Assert.Contains("decision-amended", page.Find(".decision-row[data-decision-number='1']").ClassList);
        Assert.Empty(page.FindAll(".decision-row[data-decision-number='1'] button.decision-amend"));
    }

    private static MudSelect<int?> Select(IRenderedComponent<MeetingPage> page, string cssClass) =>
        page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Class!.Contains(cssClass)).Instance;
}
