using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Commands.PlanMeeting;
using Salam.Application.Meetings.Common;
using Salam.Domain.Audit;
using Salam.Domain.Meetings;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;

namespace Salam.Application.Tests.Meetings.Commands;

public sealed class PlanMeetingTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_facilitator_plans_a_neighbourhood_meeting_with_invitations_and_an_agenda_and_it_is_in_the_audit_log()
    {
        var p = await PlacesAsync(App);
        var plan = PardisanPlan(App, p) with
        {
            CountyId = null, // taken from the neighbourhood
            Invited = [Agency(p.Welfare), Agency(p.National), Representatives],
            Agenda = [new AgendaInput(AgendaItemKind.TopNeed, p.PardisanNeed, null, "نیاز اول"), new AgendaInput(AgendaItemKind.Free, null, null, "  گزارش  ")],
        };
        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"), plan);

        var meeting = await App.ReadAsync(db => db.Meetings.AsNoTracking().Include(m => m.Organisations).Include(m => m.Agenda).SingleAsync(m => m.Id == id));
        Assert.Equal((MeetingStatus.Planned, MeetingScope.Neighbourhood, p.Qom, (int?)p.QomCounty), (meeting.Status, meeting.Scope, meeting.ProvinceId, meeting.CountyId));
        Assert.Equal([p.Welfare, p.National], meeting.Organisations.Where(o => o.AgencyId != null).Select(o => o.AgencyId!.Value).Order());
        Assert.All(meeting.Organisations, o => Assert.True(o.Invited && !o.Attended));
        Assert.Equal(["نیاز اول", "گزارش"], meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Text));
        var audit = await App.ReadAsync(db => db.AuditEvents.SingleAsync(e => e.Kind == "Meeting" && e.SubjectId == id));
        Assert.Equal((AuditAction.Created, (int?)p.Qom), (audit.Action, audit.ProvinceId));
    }

    [Fact]
    public async Task A_provincial_officer_plans_for_a_county_or_the_province()
    {
        var p = await PlacesAsync(App);
        var officer = await App.PrincipalOfAsync("officer.qom");
        var county = await App.SendAsync<int>(officer, QomCountyPlan(App, p));
        var province = await App.SendAsync<int>(officer, QomCountyPlan(App, p) with { Kind = MeetingKind.ParticipationCouncil, CountyId = null });

        var scopes = await App.ReadAsync(db => db.Meetings.Where(m => m.Id == county || m.Id == province).OrderBy(m => m.Id)
            .Select(m => new { m.CountyId, m.NeighbourhoodId, m.ProvinceId }).ToListAsync());
        Assert.Equal([(int?)p.QomCounty, null], scopes.Select(s => s.CountyId));
        Assert.All(scopes, s => Assert.Equal((null, p.Qom), (s.NeighbourhoodId, s.ProvinceId)));
    }

    [Fact]
    public async Task A_facilitator_planning_outside_their_centres_neighbourhoods_is_forbidden_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await FingerprintAsync(App);

        // Safashahr is in Qom county too, but another centre's; Mazandaran is another province; a county or the province is the officer's.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, PardisanPlan(App, p) with { NeighbourhoodId = p.Safashahr }));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator,
            PardisanPlan(App, p) with { NeighbourhoodId = p.MazandaranNeighbourhood, CountyId = p.MazandaranCounty, ProvinceId = p.Mazandaran }));
        var county = await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, QomCountyPlan(App, p)));
        Assert.Equal(Text.Get("Meeting.FacilitatorNeighbourhoodOnly"), county.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator,
            QomCountyPlan(App, p) with { Kind = MeetingKind.ProvincialCoordination, CountyId = null }));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task An_officer_of_another_province_or_an_agency_manager_cannot_plan_here_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var before = await FingerprintAsync(App);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("officer.mazandaran"), QomCountyPlan(App, p)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("officer.mazandaran"), PardisanPlan(App, p)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("agency.qom.welfare"), PardisanPlan(App, p)));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task An_agency_from_another_province_is_refused_while_a_national_one_is_invited()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await FingerprintAsync(App);

        var foreign = await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator,
            PardisanPlan(App, p) with { Invited = [Agency(p.Welfare), Agency(p.MazandaranAgency)] }));
        Assert.Equal(Text.Get("Meeting.AgencyOutOfScope"), foreign.Message);
        Assert.Equal(before, await FingerprintAsync(App));

        Assert.True(await App.SendAsync<int>(facilitator, PardisanPlan(App, p) with { Invited = [Agency(p.National)] }) > 0);
    }

    [Fact]
    public async Task A_deactivated_agency_is_not_invited_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var cooperative = await App.ReadAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.ProvinceId == p.Qom && a.Kind == Domain.Duties.AgencyKind.Cooperative);
            agency.Deactivate();
            await db.SaveChangesAsync();
            return agency.Id;
        });
        var before = await FingerprintAsync(App);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            PardisanPlan(App, p) with { Invited = [Agency(cooperative)] }));
        Assert.Equal(Text.Get("Meeting.AgencyInactive"), refused.Message);
        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Input_that_can_be_checked_up_front_is_refused_with_its_message_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var plan = PardisanPlan(App, p);
        var before = await FingerprintAsync(App);

        async Task Refused(PlanMeeting bad, string key, params object[] args) =>
            Assert.Contains(Text.Get(key, args), (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, bad))).Message);

        await Refused(plan with { StartsAt = App.Clock.GetUtcNow().AddMinutes(-1) }, "Meeting.StartsInPast");
        await Refused(plan with { StartsAt = App.Clock.GetUtcNow().AddYears(3) }, "Meeting.StartsTooFar");
        await Refused(plan with { Invited = [] }, "Meeting.NoOrganisationInvited");
        await Refused(plan with { Invited = [Agency(p.Welfare), Agency(p.Welfare)] }, "Meeting.OrganisationTwice");
        await Refused(plan with { Invited = [new OrganisationInput(OrganisationKind.Other, null, " ")] }, "Meeting.OrganisationNameRequired");
        await Refused(plan with { Invited = [.. Enumerable.Range(0, Meeting.MaxOrganisations + 1).Select(i => new OrganisationInput(OrganisationKind.Other, null, $"گروه {i}"))] },
            "Meeting.TooManyOrganisations", Meeting.MaxOrganisations);
        await Refused(plan with { Title = " " }, "Meeting.TitleRequired");
        await Refused(plan with { Title = new string('ع', Meeting.MaxTitleLength + 1) }, "Meeting.TitleTooLong", Meeting.MaxTitleLength);
        await Refused(plan with { Place = "" }, "Meeting.PlaceRequired");
        await Refused(plan with { Kind = MeetingKind.ProvincialCoordination }, "Meeting.KindNotForScope");
        await Refused(plan with { Kind = (MeetingKind)42 }, "Meeting.KindInvalid");
        await Refused(plan with { Agenda = [new AgendaInput(AgendaItemKind.TopNeed, null, null, "بی‌نیاز")] }, "Meeting.AgendaItemInvalid");
        await Refused(plan with { Agenda = [.. Enumerable.Range(0, Meeting.MaxAgendaItems + 1).Select(i => new AgendaInput(AgendaItemKind.Free, null, null, $"بند {i}"))] },
            "Meeting.TooManyAgendaItems", Meeting.MaxAgendaItems);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Places_that_do_not_hold_each_other_and_an_agenda_from_elsewhere_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var before = await FingerprintAsync(App);

        // Only the narrowest place is checked against the caller's reach: the wider ids must hold it, not be tampered in.
        foreach (var (who, plan) in new[]
        {
            (facilitator, PardisanPlan(App, p) with { CountyId = p.KahakCounty }),
            (facilitator, PardisanPlan(App, p) with { ProvinceId = p.Mazandaran }),
            (officer, QomCountyPlan(App, p) with { ProvinceId = p.Mazandaran }),
        })
        {
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(who, plan));
            Assert.Equal(Text.Get("Meeting.ScopeInvalid"), refused.Message);
        }
        var agenda = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator,
            PardisanPlan(App, p) with { Agenda = [new AgendaInput(AgendaItemKind.TopNeed, p.SafashahrNeed, null, "نیاز محلهٔ دیگر")] }));
        Assert.Equal(Text.Get("Meeting.AgendaOutsideScope"), agenda.Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }
}
