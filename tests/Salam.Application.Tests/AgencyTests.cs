using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Agencies.Commands.CreateAgency;
using Salam.Application.Agencies.Commands.DeleteAgency;
using Salam.Application.Agencies.Commands.SetAgencyActive;
using Salam.Application.Agencies.Commands.UpdateAgency;
using Salam.Application.Agencies.Queries.GetAgencies;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Queries.GetAgencyDuties;
using Salam.Application.Duties.Queries.GetAssignment;
using Salam.Domain.Audit;
using Salam.Domain.Duties;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Agencies: the administrator's for all, a provincial officer's for their province's only; every refusal writes nothing.</summary>
public sealed class AgencyTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<string> AgenciesFingerprintAsync() => App.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.Agencies.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.NameFa}:{a.NameEn}:{a.Kind}:{a.ProvinceId}:{a.IsActive}").ToListAsync()),
        await db.Duties.CountAsync(), await db.AuditEvents.CountAsync()));

    private async Task<TException> RefusedAsync<TException>(string userName, IMessage request) where TException : RequestRefusedException
    {
        var before = await AgenciesFingerprintAsync();
        var refused = await Assert.ThrowsAsync<TException>(async () => await App.SendAsync<object>(await App.PrincipalOfAsync(userName), request));
        Assert.Equal(before, await AgenciesFingerprintAsync());
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        return refused;
    }

    private Task<int> AgencyAsync(string nameEn) => App.ReadAsync(db => db.Agencies.Where(a => a.NameEn == nameEn).Select(a => a.Id).SingleAsync());

    private Task<int> NationalAgencyAsync() => App.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId == null).Select(a => a.Id).FirstAsync());

    [Fact]
    public async Task An_officer_makes_and_edits_agencies_of_their_own_province_only()
    {
        var (qom, mazandaran) = (await App.ProvinceAsync("Qom"), await App.ProvinceAsync("Mazandaran"));
        var national = await NationalAgencyAsync();
        var sari = await App.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId == mazandaran).Select(a => a.Id).FirstAsync());
        var since = await App.LastAuditEventAsync();

        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("officer.qom"), new CreateAgency("کانون فرهنگی قم", "", AgencyKind.Other, qom));

        var created = await App.ReadAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(("کانون فرهنگی قم", "کانون فرهنگی قم", qom), (created.NameFa, created.NameEn, created.ProvinceId));
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since));
        Assert.Equal(("Agency", id, AuditAction.Created, qom), (audit.Kind, audit.SubjectId, audit.Action, audit.ProvinceId!.Value));

        await RefusedAsync<ForbiddenException>("officer.qom", new CreateAgency("ستاد ملی", "National", AgencyKind.Other, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new CreateAgency("شهرداری ساری", "Sari", AgencyKind.Municipality, mazandaran));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateAgency(national, "تغییر", "Changed", AgencyKind.Other, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateAgency(national, "تغییر", "Changed", AgencyKind.Other, qom));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateAgency(sari, "تغییر", "Changed", AgencyKind.Other, mazandaran));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateAgency(id, "تغییر", "Changed", AgencyKind.Other, null)); // own agency made national
        await RefusedAsync<ForbiddenException>("officer.qom", new SetAgencyActive(national, false));
        await RefusedAsync<ForbiddenException>("officer.qom", new DeleteAgency(sari));
        await RefusedAsync<ForbiddenException>("facilitator.pardisan", new CreateAgency("دستگاه", "Agency", AgencyKind.Other, qom));

        var list = await App.SendAsync<AgencyList>(await App.PrincipalOfAsync("officer.qom"), new GetAgencies());
        Assert.All(list.Agencies, a => Assert.Equal(qom, a.ProvinceId));
        Assert.False(list.MayMakeNational);

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("officer.qom"), new UpdateAgency(id, "کانون فرهنگی استان قم", "Qom Cultural Centre", AgencyKind.Ngo, qom));
        Assert.Equal(AgencyKind.Ngo, await App.ReadAsync(db => db.Agencies.Where(a => a.Id == id).Select(a => a.Kind).SingleAsync()));
    }

    [Theory]
    [InlineData("", AgencyKind.Other, "Agency.NameRequired")]
    [InlineData("   ", AgencyKind.Other, "Agency.NameRequired")]
    [InlineData("long", AgencyKind.Other, "Agency.NameTooLong")]
    [InlineData("دستگاه", (AgencyKind)99, "Agency.KindInvalid")]
    public async Task A_bad_description_is_refused_with_its_reason(string name, AgencyKind kind, string key)
    {
        var nameFa = name == "long" ? new string('د', Agency.NameMaxLength + 1) : name;
        var qom = await App.ProvinceAsync("Qom");

        var refused = await RefusedAsync<ValidationFailedException>("admin", new CreateAgency(nameFa, "x", kind, qom));
        Assert.Contains(Text.Get(key, Agency.NameMaxLength), refused.Message);
        var welfare = await AgencyAsync(WelfareDuties.Agency);
        await RefusedAsync<ValidationFailedException>("officer.qom", new UpdateAgency(welfare, nameFa, "x", kind, qom));
    }

    [Fact]
    public async Task An_agency_with_duties_cannot_be_deleted_only_deactivated_and_then_takes_no_new_duty_while_its_manager_still_sees_its_own()
    {
        var duty = await WelfareDuties.NewAsync(App);
        var welfare = duty.AgencyId;
        var open = await App.ReadAsync(db => db.Duties.CountAsync(d => d.AgencyId == welfare && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined));

        var refused = await RefusedAsync<RequestRefusedException>("officer.qom", new DeleteAgency(welfare));
        Assert.Equal(Text.Get("Agency.HasOpenDuties", open), refused.Message);

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("officer.qom"), new SetAgencyActive(welfare, false));
        var assignment = await App.SendAsync<Assignment>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetAssignment(duty.NeighbourhoodId));
        Assert.DoesNotContain(assignment.Agencies, a => a.Id == welfare);
        var inactive = await RefusedAsync<RequestRefusedException>("facilitator.pardisan",
            new AssignDuty(duty.NeighbourhoodId, welfare, null, "کار تازه", "", DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(20)));
        Assert.Equal(Text.Get("Agency.Inactive"), inactive.Message);
        var desk = await App.SendAsync<AgencyDesk>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetAgencyDuties());
        Assert.Contains(desk.Duties, d => d.Id == duty.Id);

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("admin"), new SetAgencyActive(welfare, true));
        Assert.Contains((await App.SendAsync<Assignment>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetAssignment(duty.NeighbourhoodId))).Agencies, a => a.Id == welfare);
    }

    [Fact]
    public async Task An_agency_never_given_a_duty_can_be_deleted_and_the_deletion_is_in_the_audit_log()
    {
        var admin = await App.PrincipalOfAsync("admin");
        var id = await App.SendAsync<int>(admin, new CreateAgency("ستاد ملی آزمایشی", "Test national office", AgencyKind.Other, null));
        var since = await App.LastAuditEventAsync();

        await App.SendAsync<Unit>(admin, new DeleteAgency(id));

        Assert.False(await App.ReadAsync(db => db.Agencies.AnyAsync(a => a.Id == id)));
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since));
        Assert.Equal(("Agency", id, AuditAction.Removed), (audit.Kind, audit.SubjectId, audit.Action));
    }

    [Fact]
    public async Task An_agency_with_only_finished_duties_still_cannot_be_deleted()
    {
        var admin = await App.PrincipalOfAsync("admin");
        var id = await App.SendAsync<int>(admin, new CreateAgency("دستگاه با سابقه", "Agency with a history", AgencyKind.Other, null));
        var pardisan = await App.NeighbourhoodAsync("Pardisan");
        await App.ReadAsync(async db =>
        {
            // A duty that was declined at once: finished, but history the agency must keep.
            var duty = new Duty(id, pardisan, null, "کار پایان‌یافته", "", DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(5), 1, App.Clock.GetUtcNow());
            duty.Advance(DutyStatus.Declined, 0, "خارج از وظایف ما", 1, App.Clock.GetUtcNow());
            db.Duties.Add(duty);
            return await db.SaveChangesAsync();
        });

        var refused = await RefusedAsync<RequestRefusedException>("admin", new DeleteAgency(id));
        Assert.Equal(Text.Get("Agency.HasDuties", 1), refused.Message);
    }

    [Fact]
    public async Task Moving_an_agency_with_duties_to_another_province_is_refused()
    {
        var welfare = await AgencyAsync(WelfareDuties.Agency);
        var mazandaran = await App.ProvinceAsync("Mazandaran");
        var refused = await RefusedAsync<RequestRefusedException>("admin", new UpdateAgency(welfare, "بهزیستی", "Welfare", AgencyKind.Welfare, mazandaran));
        Assert.StartsWith(Text.Get("Agency.MoveWithDuties", 0).Split(' ')[0], refused.Message);
    }
}
