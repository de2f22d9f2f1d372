using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Common;
using Salam.Application.Duties.Queries.GetAgencyDuties;
using Salam.Application.Duties.Queries.GetAssignablePlaces;
using Salam.Application.Duties.Queries.GetDuty;
using Salam.Application.Duties.Queries.GetEscalations;
using Salam.Domain.Duties;

namespace Salam.Application.Tests;

public sealed class DutyTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private Task<string> DutiesFingerprintAsync() => App.ReadAsync(async db => string.Join('|',
        await db.Duties.CountAsync(), await db.DutyUpdates.CountAsync(),
        string.Join(',', await db.Duties.OrderBy(d => d.Id).Select(d => d.Version).ToListAsync())));

    private Task<(int NeighbourhoodId, int WelfareId, int ForeignAgencyId, int NeedId)> PardisanAsync() => App.ReadAsync(async db =>
    {
        var pardisan = await db.Neighbourhoods.SingleAsync(n => n.NameFa == "پردیسان");
        var welfare = await db.Agencies.SingleAsync(a => a.NameEn == WelfareDuties.Agency);
        var foreign = await db.Agencies.FirstAsync(a => a.ProvinceId != null && a.ProvinceId != welfare.ProvinceId);
        var need = await db.Needs.FirstAsync(n => n.NeighbourhoodId == pardisan.Id);
        return (pardisan.Id, welfare.Id, foreign.Id, need.Id);
    });

    private Task<Duty> OpenWelfareDutyAsync(DutyStatus status) => WelfareDuties.NewAsync(App, status);

    [Fact]
    public async Task A_facilitator_assigns_a_duty_for_a_priority_to_an_agency_of_the_province()
    {
        var (place, welfare, _, need) = await PardisanAsync();
        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(place, welfare, need, "راه‌اندازی کلاس", "", App.Clock.Today().AddDays(20)));

        var duty = await App.ReadAsync(db => db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == id));
        Assert.Equal((DutyStatus.Assigned, welfare, need), (duty.Status, duty.AgencyId, duty.NeedId));
        Assert.Single(duty.Updates);
    }

    [Fact]
    public async Task A_provincial_officer_assigns_in_their_province_only_and_picks_from_its_neighbourhoods()
    {
        var (place, welfare, _, _) = await PardisanAsync();
        var due = App.Clock.Today().AddDays(10);
        var qom = await App.PrincipalOfAsync("officer.qom");

        var places = await App.SendAsync<IReadOnlyList<AssignablePlace>>(qom, new GetAssignablePlaces());
        var qomPlaces = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.County!.Province!.NameEn == "Qom").Select(n => n.Id).ToListAsync());
        Assert.Equal(qomPlaces.Order(), places.Select(p => p.Id).Order());
        Assert.True(await App.SendAsync<int>(qom, new AssignDuty(place, welfare, null, "بازدید استانی", "", due)) > 0);

        var before = await DutiesFingerprintAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<int>(await App.PrincipalOfAsync("officer.mazandaran"), new AssignDuty(place, welfare, null, "x", "", due)));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<IReadOnlyList<AssignablePlace>>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetAssignablePlaces()));
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Fact]
    public async Task Assigning_out_of_scope_or_in_the_past_is_refused_and_nothing_is_written()
    {
        var (place, welfare, foreign, _) = await PardisanAsync();
        var otherNeed = await App.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId != place).Select(n => n.Id).FirstAsync());
        var today = App.Clock.Today();
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await DutiesFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new AssignDuty(place, foreign, null, "x", "", today.AddDays(3))));
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new AssignDuty(place, welfare, null, "x", "", today.AddDays(-1))));
        Assert.Contains("گذشته", past.Message);
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new AssignDuty(place, welfare, otherNeed, "x", "", today.AddDays(3))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.sari"), new AssignDuty(place, welfare, null, "x", "", today.AddDays(3))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("agency.qom.welfare"), new AssignDuty(place, welfare, null, "x", "", today.AddDays(3))));
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Fact]
    public async Task An_agency_manager_accepts_and_reports_progress_and_every_step_is_on_the_timeline()
    {
        var duty = await OpenWelfareDutyAsync(DutyStatus.Assigned);
        var manager = await App.PrincipalOfAsync("agency.qom.welfare");

        var accepted = await App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.Accepted, 0, "پذیرفتیم", duty.Version));
        var progressed = await App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.InProgress, 35, "خرید تجهیزات", accepted.Version));

        Assert.Equal((DutyStatus.InProgress, 35), (progressed.Status, progressed.Percent));
        var updates = await App.ReadAsync(db => db.DutyUpdates.Where(u => u.DutyId == duty.Id).OrderBy(u => u.Id).Select(u => u.Note).ToListAsync());
        Assert.Equal(["پذیرفتیم", "خرید تجهیزات"], updates.TakeLast(2));
    }

    [Fact]
    public async Task The_second_of_two_managers_editing_one_duty_gets_a_clear_conflict_and_the_first_update_is_kept()
    {
        var duty = await OpenWelfareDutyAsync(DutyStatus.Accepted);
        var manager = await App.PrincipalOfAsync("agency.qom.welfare");
        await App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.InProgress, 20, "اول", duty.Version));
        var before = await DutiesFingerprintAsync();

        var conflict = await Assert.ThrowsAsync<DutyConflictException>(() =>
            App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.Blocked, 20, "دوم", duty.Version)));

        Assert.Equal((DutyStatus.InProgress, 20), (conflict.Current.Status, conflict.Current.Percent));
        Assert.Contains("کس دیگری", conflict.Message);
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Fact]
    public async Task The_concurrency_token_refuses_a_lost_update_between_two_contexts()
    {
        var dutyId = (await OpenWelfareDutyAsync(DutyStatus.Accepted)).Id;
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var a = await first.ServiceProvider.GetRequiredService<Infrastructure.Persistence.SalamDbContext>().Duties.SingleAsync(d => d.Id == dutyId);
        var secondDb = second.ServiceProvider.GetRequiredService<Infrastructure.Persistence.SalamDbContext>();
        var b = await secondDb.Duties.SingleAsync(d => d.Id == dutyId);

        a.Advance(DutyStatus.InProgress, 10, null, 1, App.Clock.GetUtcNow());
        await first.ServiceProvider.GetRequiredService<Infrastructure.Persistence.SalamDbContext>().SaveChangesAsync();
        b.Advance(DutyStatus.Blocked, 0, "منتظر اعتبار", 1, App.Clock.GetUtcNow());

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        Assert.Equal(DutyStatus.InProgress, await App.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(DutyStatus.Done, 100, null, "نمی‌رود")]
    [InlineData(DutyStatus.Accepted, 101, null, "بین ۰ و ۱۰۰")]
    [InlineData(DutyStatus.Declined, 0, " ", "دلیل")]
    public async Task An_illegal_step_is_refused_with_a_clear_message_and_nothing_is_written(DutyStatus to, int percent, string? note, string message)
    {
        var duty = await OpenWelfareDutyAsync(DutyStatus.Assigned);
        var before = await DutiesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<DutyState>(await App.PrincipalOfAsync("agency.qom.welfare"), new AdvanceDuty(duty.Id, to, percent, note, duty.Version)));

        Assert.Contains(message, refused.Message);
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Theory]
    [InlineData(DutyStatus.Accepted)]
    [InlineData(DutyStatus.Declined)] // the reason of a decline is its note
    public async Task A_note_longer_than_the_limit_is_refused_with_a_clear_message_and_nothing_is_written(DutyStatus to)
    {
        var duty = await OpenWelfareDutyAsync(DutyStatus.Assigned);
        var before = await DutiesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<DutyState>(
            await App.PrincipalOfAsync("agency.qom.welfare"), new AdvanceDuty(duty.Id, to, 0, new string('ی', Duty.MaxNoteLength + 1), duty.Version)));

        Assert.Equal(Common.Localization.Text.Get("Duty.NoteTooLong", Duty.MaxNoteLength), Assert.Single(refused.Errors["Note"]));
        Assert.Equal(before, await DutiesFingerprintAsync());
        var exact = await App.SendAsync<DutyState>(await App.PrincipalOfAsync("agency.qom.welfare"),
            new AdvanceDuty(duty.Id, to, 0, new string('ی', Duty.MaxNoteLength), duty.Version));
        Assert.Equal(to, exact.Status);
    }

    [Fact]
    public async Task A_title_or_description_longer_than_the_limit_is_refused_with_a_translated_message_and_nothing_is_written()
    {
        var (place, welfare, _, _) = await PardisanAsync();
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await DutiesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new AssignDuty(
            place, welfare, null, new string('ع', Duty.MaxTitleLength + 1), new string('ش', Duty.MaxDescriptionLength + 1), App.Clock.Today().AddDays(5))));

        Assert.Equal(Common.Localization.Text.Get("Duty.TitleTooLong", Duty.MaxTitleLength), Assert.Single(refused.Errors["Title"]));
        Assert.Equal(Common.Localization.Text.Get("Duty.DescriptionTooLong", Duty.MaxDescriptionLength), Assert.Single(refused.Errors["Description"]));
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Fact]
    public async Task Another_agencys_duty_id_is_refused()
    {
        var other = await App.ReadAsync(db => db.Duties.AsNoTracking().FirstAsync(d => d.Agency!.NameEn != WelfareDuties.Agency && d.Status == DutyStatus.Assigned));
        var before = await DutiesFingerprintAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<DutyState>(await App.PrincipalOfAsync("agency.qom.welfare"), new AdvanceDuty(other.Id, DutyStatus.Accepted, 0, null, other.Version)));
        Assert.Equal(before, await DutiesFingerprintAsync());
    }

    [Theory]
    [InlineData("agency.qom.municipality")]
    [InlineData("facilitator.sari")]
    [InlineData("officer.mazandaran")]
    public async Task A_duty_page_of_another_agency_or_place_is_refused(string userName)
    {
        var duty = await WelfareDuties.NewAsync(App);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<DutyDetail>(await App.PrincipalOfAsync(userName), new GetDuty(duty.Id)));
        var own = await App.SendAsync<DutyDetail>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetDuty(duty.Id));
        Assert.Equal(duty.Title, own.Title);
    }

    [Fact]
    public async Task The_desk_shows_only_the_agencys_own_duties_overdue_first()
    {
        var desk = await App.SendAsync<AgencyDesk>(await App.PrincipalOfAsync("agency.qom.municipality"), new GetAgencyDuties());
        var own = await App.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == "Qom Municipality").Select(d => d.Id).ToListAsync());

        Assert.Equal(own.Order(), desk.Duties.Select(d => d.Id).Order());
        var overdue = desk.Duties.Select(d => d.IsOverdue).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);
        var overdueOnly = (await App.SendAsync<AgencyDesk>(await App.PrincipalOfAsync("agency.qom.municipality"), new GetAgencyDuties(OverdueOnly: true))).Duties;
        Assert.Contains(true, overdue);
        Assert.Equal(desk.Duties.Where(d => d.IsOverdue).Select(d => d.Id).Order(), overdueOnly.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task The_desk_filter_by_priority_keeps_only_duties_for_needs_ranked_that_high()
    {
        var manager = await App.PrincipalOfAsync("agency.qom.welfare");
        var all = (await App.SendAsync<AgencyDesk>(manager, new GetAgencyDuties())).Duties;
        var top = (await App.SendAsync<AgencyDesk>(manager, new GetAgencyDuties(TopPriorities: 1))).Duties;

        Assert.NotEmpty(top);
        Assert.All(top, d => Assert.Equal(1, d.Priority));
        Assert.Equal(all.Where(d => d.Priority == 1).Select(d => d.Id).Order(), top.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task The_escalation_list_holds_only_the_officers_province_and_duties_late_beyond_the_limit()
    {
        App.Clock.Advance(TimeSpan.FromDays(10)); // the demo's overdue duties were due 5 days ago: now 15
        try
        {
            var list = (await App.SendAsync<Salam.Application.Common.Paging.Paged<Escalation>>(await App.PrincipalOfAsync("officer.qom"), new GetEscalations(PageSize: 100))).Items;
            var qomIds = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.County!.Province!.NameEn == "Qom").Select(n => n.NameFa).ToListAsync());
            Assert.NotEmpty(list);
            Assert.All(list, e => Assert.Contains(e.Neighbourhood.Fa, qomIds));
            Assert.All(list, e => Assert.True(e.DaysOverdue > 7));
        }
        finally
        {
            App.Clock.Advance(TimeSpan.FromDays(-10));
        }
    }
}
