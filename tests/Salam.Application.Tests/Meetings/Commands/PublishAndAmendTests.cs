using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Meetings.Commands.AmendDecision;
using Salam.Application.Meetings.Commands.PublishMinutes;
using Salam.Application.Meetings.Commands.RecordAttendance;
using Salam.Application.Meetings.Commands.RecordDecision;
using Salam.Application.Meetings.Commands.RemoveDecision;
using Salam.Application.Meetings.Commands.WriteMinutes;
using Salam.Domain.Audit;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;

namespace Salam.Application.Tests.Meetings.Commands;

public sealed class PublishAndAmendTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private DecisionDraft Duty(int agency, string title, int days = 30) =>
        new(DecisionKind.AgencyDuty, title, "", agency, null, App.Clock.Today().AddDays(days), null);

    /// <summary>A held Pardisan meeting with minutes and decisions for welfare and the municipality, and a resolution.</summary>
    private async Task<(int Meeting, int Welfare, int Municipality, int Resolution)> DecidedAsync(MeetingPlaces p)
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var id = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        await App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "## صورتجلسه\nدو مصوبه", true, await VersionAsync(App, id)));
        var welfare = await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.Welfare, "کلاس مهارت") with { NeedId = p.PardisanNeed }));
        var municipality = await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.Municipality, "روشنایی کوچه", 14)));
        var resolution = await App.SendAsync<int>(facilitator, new RecordDecision(id, new DecisionDraft(DecisionKind.Resolution, "جلسهٔ ماهانه", "", null, null, null, null)));
        return (id, welfare, municipality, resolution);
    }

    [Fact]
    public async Task Publishing_puts_each_agency_decision_on_its_agencys_desk_linked_both_ways_and_writes_the_audit_log()
    {
        var p = await PlacesAsync(App);
        var (id, welfare, municipality, resolution) = await DecidedAsync(p);
        var auditBefore = await App.ReadAsync(db => db.AuditEvents.MaxAsync(e => e.Id));

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new PublishMinutes(id, await VersionAsync(App, id)));

        var meeting = await App.ReadAsync(db => db.Meetings.AsNoTracking().Include(m => m.Decisions).ThenInclude(d => d.Duty).SingleAsync(m => m.Id == id));
        Assert.Equal(MeetingStatus.MinutesPublished, meeting.Status);
        Assert.Equal(App.Clock.GetUtcNow(), meeting.MinutesPublishedAt!.Value, TimeSpan.FromMilliseconds(1));
        foreach (var (decisionId, agency, title) in new[] { (welfare, p.Welfare, "کلاس مهارت"), (municipality, p.Municipality, "روشنایی کوچه") })
        {
            var decision = meeting.Decisions.Single(d => d.Id == decisionId);
            var duty = Assert.IsType<Duty>(decision.Duty);
            Assert.Equal((agency, p.Pardisan, title, DutyStatus.Assigned, decision.DueDate!.Value, decision.NeedId),
                (duty.AgencyId, duty.NeighbourhoodId, duty.Title, duty.Status, duty.DueDate, duty.NeedId));
            // On the agency's desk: its duties, found from the decision by DutyId.
            Assert.True(await App.ReadAsync(db => db.Duties.AnyAsync(d => d.AgencyId == agency && d.Id == decision.DutyId && d.Status == DutyStatus.Assigned)));
        }
        Assert.Null(meeting.Decisions.Single(d => d.Id == resolution).DutyId);

        var events = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Id > auditBefore).Select(e => new { e.Kind, e.Action, e.SubjectId, e.ProvinceId }).ToListAsync());
        Assert.Contains(events, e => e.Kind == "Meeting" && e.Action == AuditAction.Changed && e.SubjectId == id && e.ProvinceId == p.Qom);
        Assert.Equal([welfare, municipality], events.Where(e => e.Kind == "MeetingDecision" && e.Action == AuditAction.Changed && e.ProvinceId == p.Qom)
            .Select(e => e.SubjectId).Order());
    }

    [Fact]
    public async Task Published_decisions_are_never_edited_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (id, welfare, _, _) = await DecidedAsync(p);
        await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id)));
        var version = await VersionAsync(App, id);
        var before = await FingerprintAsync(App);

        foreach (var edit in new Func<Task>[]
        {
            () => App.SendAsync<Unit>(facilitator, new RemoveDecision(id, welfare)),
            () => App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.Welfare, "مصوبهٔ دیرهنگام"))),
            () => App.SendAsync<Unit>(facilitator, new WriteMinutes(id, "متن دیگر", false, version)),
            () => App.SendAsync<Unit>(facilitator, new PublishMinutes(id, version)),
            () => App.SendAsync<Unit>(facilitator, new RecordAttendance(id, [Agency(p.Welfare)], 4, version)),
        })
        {
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(edit);
            Assert.Equal(Text.Get("Meeting.AlreadyPublished"), refused.Message);
        }
        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task An_amendment_is_a_new_decision_whose_duty_is_made_at_once_and_both_stay()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (id, welfare, _, _) = await DecidedAsync(p);
        await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id)));

        var amendment = await App.SendAsync<int>(facilitator, new AmendDecision(id, welfare, Duty(p.National, "کلاس مهارت با بهزیستی کشور", 45)));

        var decisions = await App.ReadAsync(db => db.MeetingDecisions.AsNoTracking().Include(d => d.Duty).Where(d => d.MeetingId == id).ToListAsync());
        var old = decisions.Single(d => d.Id == welfare);
        var @new = decisions.Single(d => d.Id == amendment);
        Assert.Equal((welfare, 4), (@new.AmendsDecisionId!.Value, @new.Number));
        Assert.Equal((p.National, DutyStatus.Assigned, p.Pardisan), (@new.Duty!.AgencyId, @new.Duty.Status, @new.Duty.NeighbourhoodId));
        Assert.Equal((p.Welfare, DutyStatus.Assigned), (old.Duty!.AgencyId, old.Duty.Status));
        Assert.Equal(4, decisions.Count);
        Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == "MeetingDecision" && e.SubjectId == amendment && e.Action == AuditAction.Created)));
    }

    [Fact]
    public async Task Amending_before_publication_or_out_of_scope_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (id, welfare, _, _) = await DecidedAsync(p);
        var before = await FingerprintAsync(App);

        var early = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new AmendDecision(id, welfare, Duty(p.Welfare, "زود"))));
        Assert.Equal(Text.Get("Meeting.AmendOnlyPublished"), early.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id)));
        before = await FingerprintAsync(App);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new AmendDecision(id, welfare, Duty(p.MazandaranAgency, "استان دیگر"))));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new AmendDecision(id, welfare, Duty(p.Welfare, "گذشته", -2))));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new AmendDecision(id, 999_999, Duty(p.Welfare, "ناموجود"))));
        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Publishing_a_stale_version_or_a_decision_whose_day_has_passed_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (id, _, municipality, _) = await DecidedAsync(p);
        var seen = await VersionAsync(App, id);
        await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(p.Welfare, "مصوبه‌ای که ناشر ندیده")));
        var before = await FingerprintAsync(App);

        var stale = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new PublishMinutes(id, seen)));
        Assert.Equal(Text.Get("Meeting.ChangedMeanwhile"), stale.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        // The municipality's decision was due in 14 days; the minutes wait 15.
        App.Clock.Advance(TimeSpan.FromDays(15));
        var late = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id))));
        Assert.Equal(Text.Get("Meeting.DecisionDueDatePassed", 2), late.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        await App.SendAsync<Unit>(facilitator, new RemoveDecision(id, municipality));
        await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id)));
        Assert.Equal(2, await App.ReadAsync(db => db.MeetingDecisions.CountAsync(d => d.MeetingId == id && d.DutyId != null)));
    }

    [Fact]
    public async Task Minutes_are_written_before_they_are_published_and_an_agency_deactivated_meanwhile_stops_publication()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var bare = await HeldAsync(App, facilitator, PardisanPlan(App, p));
        var before = await FingerprintAsync(App);
        var empty = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<Unit>(facilitator, new PublishMinutes(bare, await VersionAsync(App, bare))));
        Assert.Equal(Text.Get("Meeting.MinutesRequired"), empty.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        var (id, _, _, _) = await DecidedAsync(p);
        var health = await App.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId == p.Qom && a.Kind == AgencyKind.Health).Select(a => a.Id).SingleAsync());
        await App.SendAsync<int>(facilitator, new RecordDecision(id, Duty(health, "معاینهٔ سالمندان")));
        await App.ReadAsync(async db => { (await db.Agencies.SingleAsync(a => a.Id == health)).Deactivate(); return await db.SaveChangesAsync(); });
        before = await FingerprintAsync(App);

        var inactive = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<Unit>(facilitator, new PublishMinutes(id, await VersionAsync(App, id))));
        Assert.Equal(Text.Get("Meeting.DecisionAgencyInactive", 4), inactive.Message);
        Assert.Equal(before, await FingerprintAsync(App));
    }
}
