using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Staff.Queries.GetStaffAccounts;
using Salam.Application.Staff.Queries.GetStaffChoices;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

/// <summary>The staff list and the form's choices hold exactly what the caller manages.</summary>
public sealed class StaffListTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<StaffAccountList> ListAsync(string userName, GetStaffAccounts query) =>
        await App.SendAsync<StaffAccountList>(await App.PrincipalOfAsync(userName), query);

    [Fact]
    public async Task An_officer_lists_only_the_facilitators_and_agency_managers_of_their_province()
    {
        var list = await ListAsync("officer.qom", new GetStaffAccounts());
        Assert.Equal(["agency.qom.municipality", "agency.qom.welfare", "facilitator.pardisan"], list.Accounts.Select(a => a.UserName).Order());
        var pardisan = list.Accounts.Single(a => a.UserName == "facilitator.pardisan");
        Assert.Equal("مرکز مثبت زندگی پردیسان", pardisan.Scope!.Fa);
        Assert.Equal("Qom Province Welfare Directorate", list.Accounts.Single(a => a.UserName == "agency.qom.welfare").Scope!.En);

        // Filters narrow, never widen: asking for officers gives an officer nothing.
        Assert.Empty((await ListAsync("officer.qom", new GetStaffAccounts(Role: Role.ProvinceOfficer))).Accounts);
        Assert.Equal(["facilitator.pardisan"], (await ListAsync("officer.qom", new GetStaffAccounts(Role: Role.Facilitator))).Accounts.Select(a => a.UserName));
        Assert.Equal(["agency.qom.welfare"], (await ListAsync("officer.qom", new GetStaffAccounts(Search: "WELFARE"))).Accounts.Select(a => a.UserName));
    }

    [Fact]
    public async Task The_administrator_lists_every_staff_account_but_no_residents_and_sees_lockouts()
    {
        await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var ministry = (await users.FindByNameAsync("ministry"))!;
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(ministry);
        }

        var list = await ListAsync("admin", new GetStaffAccounts());
        Assert.Equal(["admin", "agency.qom.municipality", "agency.qom.welfare", "facilitator.pardisan", "facilitator.sari", "ministry", "officer.mazandaran", "officer.qom"],
            list.Accounts.Select(a => a.UserName).Order());
        Assert.NotNull(list.Accounts.Single(a => a.UserName == "ministry").LockedOutUntil);
        Assert.Null(list.Accounts.Single(a => a.UserName == "admin").LockedOutUntil);
        Assert.True(list.Accounts.Single(a => a.UserName == "admin").IsSelf);
        var qom = await App.ProvinceAsync("Qom");
        Assert.Equal(["agency.qom.municipality", "agency.qom.welfare", "facilitator.pardisan", "officer.qom"],
            (await ListAsync("admin", new GetStaffAccounts(ProvinceId: qom))).Accounts.Select(a => a.UserName).Order());
    }

    [Fact]
    public async Task The_form_offers_an_officer_only_their_province_and_the_roles_they_may_give()
    {
        var officer = await App.SendAsync<StaffChoices>(await App.PrincipalOfAsync("officer.qom"), new GetStaffChoices());
        Assert.Equal([Role.Facilitator, Role.AgencyManager], officer.Roles);
        Assert.Equal([await App.ProvinceAsync("Qom")], officer.Provinces.Select(p => p.Id));
        Assert.Contains(officer.Centres, c => c.Name.En == DemoCentres.Pardisan);
        Assert.DoesNotContain(officer.Centres, c => c.Name.En == DemoCentres.SarvinehBagh);
        var (national, mazandaranAgency) = (await App.NationalAgencyAsync(), await App.AgencyOfProvinceAsync(await App.ProvinceAsync("Mazandaran")));
        var welfare = await App.AgencyAsync("Qom Province Welfare Directorate");
        Assert.Contains(officer.Agencies, a => a.Id == welfare);
        Assert.DoesNotContain(officer.Agencies, a => a.Id == national || a.Id == mazandaranAgency);

        var admin = await App.SendAsync<StaffChoices>(await App.PrincipalOfAsync("admin"), new GetStaffChoices(await App.ProvinceAsync("Mazandaran")));
        Assert.Equal([Role.Facilitator, Role.AgencyManager, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin], admin.Roles);
        Assert.Contains(admin.Centres, c => c.Name.En == DemoCentres.SarvinehBagh);
        Assert.Contains(admin.Agencies, a => a.Id == national);
        Assert.Contains(admin.Agencies, a => a.Id == mazandaranAgency);
    }
}
