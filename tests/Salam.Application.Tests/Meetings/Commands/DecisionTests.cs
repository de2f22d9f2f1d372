using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Meetings.Commands.RecordDecision;
using Salam.Application.Meetings.Commands.RemoveDecision;
using Salam.Domain.Audit;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;

namespace Salam.Application.Tests.Meetings.Commands;

public sealed class DecisionTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private DecisionDraft Duty(int agency, int? neighbourhood = null, int days = 30) =>
        new(DecisionKind.AgencyDuty, "راه‌اندازی کلاس مهارت", "دو نوبت در هفته", agency, neighbourhood, App.Clock.Today().AddDays(days), null);

    [Fact]
    public async Task A_held_meeting_takes_numbered_decisions_of_every_kind_and_a_draft_one_can_be_removed()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, facilitator, PardisanPlan(App, p));

        var duty = await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.Welfare)));
        var volunteers = await App.SendAsync<int>(facilitator, new RecordDecision(id,
            new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلبان آموزش", "", null, null, null, p.PardisanNeed, VolunteerSkill.Teaching)));
        var resolution = await App.SendAsync<int>(facilitator, new RecordDecision(id, new DecisionDraft(DecisionKind.Resolution, "جلسهٔ بعد در مسجد", "", null, null, null, null)));
        await App.SendAsync<Unit>(facilitator, new RemoveDecision(id, volunteers));

        var decisions = await App.ReadAsync(db => db.MeetingDecisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Number).ToListAsync());
        Assert.Equal([(duty, 1), (resolution, 3)], decisions.Select(d => (d.Id, d.Number)));
        // A neighbourhood meeting's decision is for its neighbourhood unless it names one; none is a duty before publication.
        Assert.Equal((p.Welfare, (int?)p.Pardisan, (int?)null), (decisions[0].AgencyId!.Value, decisions[0].NeighbourhoodId, decisions[0].DutyId));
        var audit = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "MeetingDecision" && (e.SubjectId == volunteers || e.SubjectId == duty))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.SubjectId, e.ProvinceId }).ToListAsync());
        Assert.Equal([(AuditAction.Created, duty), (AuditAction.Created, volunteers), (AuditAction.Removed, volunteers)], audit.Select(a => (a.Action, a.SubjectId)));
        Assert.All(audit, a => Assert.Equal(p.Qom, a.ProvinceId));
    }

    [Fact]
    public async Task A_decision_for_an_agency_of_another_province_is_refused_but_a_national_agency_is_allowed()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var before = await FingerprintAsync(App);

        var foreign = await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.MazandaranAgency))));
        Assert.Equal(Text.Get("Meeting.AgencyOutOfScope"), foreign.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        Assert.True(await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.National))) > 0);
    }

    [Fact]
    public async Task A_due_date_in_the_past_and_a_decision_missing_what_its_kind_needs_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var before = await FingerprintAsync(App);

        async Task Refused(DecisionDraft bad, string key) =>
            Assert.Contains(Text.Get(key), (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new RecordDecision(id, bad)))).Message);

        await Refused(Duty(p.Welfare, days: -1), "Duty.DueDateInPast");
        await Refused(Duty(p.Welfare) with { DueDate = null }, "Decision.DueDateRequired");
        await Refused(Duty(p.Welfare) with { AgencyId = null }, "Decision.AgencyRequired");
        await Refused(Duty(p.Welfare) with { Title = "" }, "Duty.TitleRequired");
        await Refused(new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلبان", "", null, null, null, p.PardisanNeed), "Decision.SkillRequired");
        await Refused(new DecisionDraft(DecisionKind.VolunteerNeed, "داوطلبان", "", null, null, null, null, VolunteerSkill.Teaching), "Decision.NeedRequired");
        await Refused(Duty(p.Welfare) with { Kind = (DecisionKind)9 }, "Decision.KindInvalid");

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task A_neighbourhood_or_need_outside_the_meetings_scope_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var pardisan = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var county = await HeldAsync(App, officer, QomCountyPlan(App, p));
        var before = await FingerprintAsync(App);

        // Shahrak-e Qods is the facilitator's too, but not this meeting's; Kahak is in Qom province but not in Qom county.
        foreach (var (who, meeting, draft, key) in new[]
        {
            (facilitator, pardisan, Duty(p.Welfare, p.Qods), "Meeting.DecisionOutsideScope"),
            (officer, county, Duty(p.Welfare, p.Kahak), "Meeting.DecisionOutsideScope"),
            (officer, county, Duty(p.Welfare, p.MazandaranNeighbourhood), "Meeting.DecisionOutsideScope"),
            (facilitator, pardisan, Duty(p.Welfare) with { NeedId = p.SafashahrNeed }, "Meeting.NeedOutsideScope"),
            (officer, county, Duty(p.Welfare, p.Pardisan) with { NeedId = p.SafashahrNeed }, "Meeting.NeedOutsideScope"),
            (officer, county, Duty(p.Welfare), "Decision.NeighbourhoodRequired"),
        })
        {
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(who, new RecordDecision(meeting, draft)));
            Assert.Equal(Text.Get(key), refused.Message);
        }
        Assert.Equal(before, await FingerprintAsync(App));

        // The county meeting decides for any neighbourhood of its county, other centres' included.
        Assert.True(await App.SendAsync<int>(officer, new RecordDecision(county, Duty(p.Welfare, p.Safashahr) with { NeedId = p.SafashahrNeed })) > 0);
    }

    [Fact]
    public async Task Decisions_wait_for_the_meeting_to_be_held_and_tampered_ids_are_refused()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var planned = await App.SendAsync<int>(facilitator, PardisanPlan(App, p));
        var held = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var before = await FingerprintAsync(App);

        var early = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new RecordDecision(planned, Duty(p.Welfare))));
        Assert.Equal(Text.Get("Meeting.NotYetHeld"), early.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<int>(facilitator, new RecordDecision(999_999, Duty(p.Welfare))));
        var otherMeetings = await App.ReadAsync(db => db.MeetingDecisions.Where(d => d.MeetingId != held).Select(d => d.Id).ToListAsync());
        foreach (var decision in otherMeetings.Append(999_999))
            await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new RemoveDecision(held, decision)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.sari"), new RecordDecision(held, Duty(p.Welfare))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("agency.qom.welfare"), new RecordDecision(held, Duty(p.Welfare))));

        Assert.Equal(before, await FingerprintAsync(App));
    }
}
