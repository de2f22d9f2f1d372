using System.Security.Claims;
using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Application.Staff.Commands.ResetStaffPassword;
using Salam.Application.Staff.Commands.UnlockStaffAccount;
using Salam.Application.Staff.Queries.GetStaffAccounts;
using Salam.Application.Staff.Queries.GetStaffChoices;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

/// <summary>Every way a staff-account request is refused out of scope: each with a translated message, and nothing written (not even an audit entry).</summary>
public sealed class StaffRefusalTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    internal static async Task<TException> RefusedAsync<TException>(Testing.TestApp app, ClaimsPrincipal user, IMessage request) where TException : RequestRefusedException
    {
        var before = await app.StaffFingerprintAsync();
        var refused = await Assert.ThrowsAsync<TException>(() => app.SendAsync<object>(user, request));
        Assert.Equal(before, await app.StaffFingerprintAsync());
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        return refused;
    }

    private async Task<TException> RefusedAsync<TException>(string userName, IMessage request) where TException : RequestRefusedException =>
        await RefusedAsync<TException>(App, await App.PrincipalOfAsync(userName), request);

    private static CreateStaffAccount New(string userName, Role role, int? province = null, int? centre = null, int? agency = null) =>
        new(userName, "کارمند تازه", "09121112233", role, province, centre, agency, StaffData.GoodPassword);

    [Fact]
    public async Task An_officer_cannot_open_accounts_in_another_province_nor_for_a_national_agency()
    {
        var sarvineh = await App.CentreAsync(DemoCentres.SarvinehBagh);
        var mazandaranAgency = await App.AgencyOfProvinceAsync(await App.ProvinceAsync("Mazandaran"));

        var refused = await RefusedAsync<ForbiddenException>("officer.qom", New("fac.sari.new", Role.Facilitator, centre: sarvineh));
        Assert.Equal("این مورد خارج از حوزهٔ شماست.", refused.Message);
        await RefusedAsync<ForbiddenException>("officer.qom", New("mgr.sari.new", Role.AgencyManager, agency: mazandaranAgency));
        await RefusedAsync<ForbiddenException>("officer.qom", New("mgr.national.new", Role.AgencyManager, agency: await App.NationalAgencyAsync()));
        await RefusedAsync<ForbiddenException>("officer.mazandaran", New("fac.qom.new", Role.Facilitator, centre: await App.CentreAsync(DemoCentres.Safashahr)));
    }

    [Fact]
    public async Task An_officer_cannot_open_an_administrator_ministry_or_officer_account_even_in_their_own_province()
    {
        var qom = await App.ProvinceAsync("Qom");
        await RefusedAsync<ForbiddenException>("officer.qom", New("new.admin", Role.Admin));
        await RefusedAsync<ForbiddenException>("officer.qom", New("new.ministry", Role.MinistryStaff));
        await RefusedAsync<ForbiddenException>("officer.qom", New("new.officer", Role.ProvinceOfficer, province: qom));
    }

    [Theory]
    [InlineData("facilitator.sari")]
    [InlineData("officer.mazandaran")]
    [InlineData("admin")]
    [InlineData("ministry")]
    [InlineData("officer.qom")]
    public async Task An_officer_cannot_touch_an_account_they_do_not_manage(string target)
    {
        var id = (await App.AccountAsync(target)).Id;
        var safashahr = await App.CentreAsync(DemoCentres.Safashahr);
        await RefusedAsync<ForbiddenException>("officer.qom", new ChangeStaffRoleOrScope(id, Role.Facilitator, null, safashahr, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new DisableStaffAccount(id));
        await RefusedAsync<ForbiddenException>("officer.qom", new EnableStaffAccount(id));
        await RefusedAsync<ForbiddenException>("officer.qom", new ResetStaffPassword(id, StaffData.GoodPassword));
        await RefusedAsync<ForbiddenException>("officer.qom", new UnlockStaffAccount(id));
    }

    [Fact]
    public async Task An_officer_cannot_move_their_own_facilitator_out_of_the_province_nor_promote_them()
    {
        var facilitator = (await App.AccountAsync("facilitator.pardisan")).Id;
        var (qom, sarvineh) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.SarvinehBagh));
        await RefusedAsync<ForbiddenException>("officer.qom", new ChangeStaffRoleOrScope(facilitator, Role.Facilitator, null, sarvineh, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new ChangeStaffRoleOrScope(facilitator, Role.ProvinceOfficer, qom, null, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new ChangeStaffRoleOrScope(facilitator, Role.Admin, null, null, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new ChangeStaffRoleOrScope(facilitator, Role.AgencyManager, null, null, await App.NationalAgencyAsync()));
    }

    [Fact]
    public async Task A_residents_account_and_a_missing_id_are_not_found_even_by_the_administrator()
    {
        await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile); // makes the resident's sign-in account
        var resident = (await App.AccountAsync(DemoDataSeeder.FirstResidentMobile)).Id;
        var safashahr = await App.CentreAsync(DemoCentres.Safashahr);
        foreach (var id in new[] { resident, 987_654 })
        {
            foreach (var caller in new[] { "admin", "officer.qom" })
            {
                var refused = await RefusedAsync<NotFoundException>(caller, new ResetStaffPassword(id, StaffData.GoodPassword));
                Assert.Equal("حساب کارمند پیدا نشد.", refused.Message);
                await RefusedAsync<NotFoundException>(caller, new ChangeStaffRoleOrScope(id, Role.Facilitator, null, safashahr, null));
                await RefusedAsync<NotFoundException>(caller, new DisableStaffAccount(id));
                await RefusedAsync<NotFoundException>(caller, new EnableStaffAccount(id));
                await RefusedAsync<NotFoundException>(caller, new UnlockStaffAccount(id));
            }
        }
        await RefusedAsync<NotFoundException>("admin", New("fac.nowhere", Role.Facilitator, centre: 987_654));
        await RefusedAsync<NotFoundException>("admin", New("mgr.nowhere", Role.AgencyManager, agency: 987_654));
        await RefusedAsync<NotFoundException>("admin", New("off.nowhere", Role.ProvinceOfficer, province: 987_654));
    }

    public static TheoryData<string> OtherRoles => ["facilitator.pardisan", "agency.qom.welfare", "ministry", "resident"];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Other_roles_are_refused_every_staff_request(string who)
    {
        var user = who == "resident" ? await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile) : await App.PrincipalOfAsync(who);
        var (facilitator, pardisan) = ((await App.AccountAsync("facilitator.pardisan")).Id, await App.CentreAsync(DemoCentres.Pardisan));

        foreach (var request in new IMessage[]
        {
            New("someone.new", Role.Facilitator, centre: pardisan),
            new ChangeStaffRoleOrScope(facilitator, Role.Facilitator, null, pardisan, null),
            new DisableStaffAccount(facilitator), new EnableStaffAccount(facilitator),
            new ResetStaffPassword(facilitator, StaffData.GoodPassword), new UnlockStaffAccount(facilitator),
            new GetStaffAccounts(), new GetStaffChoices(),
        })
        {
            var refused = await RefusedAsync<ForbiddenException>(App, user, request);
            Assert.Equal("این کار در اختیار نقش شما نیست.", refused.Message);
        }
    }

    [Fact]
    public async Task An_officer_cannot_list_or_choose_from_another_province()
    {
        var mazandaran = await App.ProvinceAsync("Mazandaran");
        await RefusedAsync<ForbiddenException>("officer.qom", new GetStaffAccounts(ProvinceId: mazandaran));
        await RefusedAsync<ForbiddenException>("officer.qom", new GetStaffChoices(mazandaran));
    }
}
