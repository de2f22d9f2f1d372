using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Application.Staff.Commands.ResetStaffPassword;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

/// <summary>Bad input and rules that keep the programme administrable: each refused with its translated message, nothing written.</summary>
public sealed class StaffInputRefusalTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<TException> RefusedAsync<TException>(string userName, Mediator.IMessage request) where TException : RequestRefusedException =>
        await StaffRefusalTests.RefusedAsync<TException>(App, await App.PrincipalOfAsync(userName), request);

    private async Task<CreateStaffAccount> FacilitatorAsync(string userName = "fac.new", string mobile = "09121112233", string password = StaffData.GoodPassword) =>
        new(userName, "تسهیلگر تازه", mobile, Role.Facilitator, null, await App.CentreAsync(DemoCentres.Safashahr), null, password);

    [Theory]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    [InlineData("  Officer.Qom ")]
    public async Task A_user_name_already_taken_is_refused_whatever_its_case(string userName)
    {
        var refused = await RefusedAsync<RequestRefusedException>("officer.qom", await FacilitatorAsync(userName));
        Assert.Equal(Text.Get("Staff.UserNameTaken", userName.Trim()), Assert.Single(refused.Errors[nameof(CreateStaffAccount.UserName)]));
        Assert.StartsWith("نام کاربری «", refused.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("09121234567")] // a resident's account is named by its mobile: a staff account must never hold one
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("1abc")]
    [InlineData("علی.رضایی")]
    [InlineData("ali rezaei")]
    [InlineData("ali@example")]
    public async Task A_user_name_that_is_not_three_to_fifty_latin_letters_digits_or_dots_starting_with_a_letter_is_refused(string userName)
    {
        var refused = await RefusedAsync<ValidationFailedException>("officer.qom", await FacilitatorAsync(userName));
        Assert.Equal(Text.Get("Staff.UserNameInvalid"), Assert.Single(refused.Errors[nameof(CreateStaffAccount.UserName)]));
    }

    [Fact]
    public async Task A_user_name_over_fifty_characters_is_refused() =>
        await RefusedAsync<ValidationFailedException>("admin", await FacilitatorAsync("a" + new string('b', 50)));

    [Theory]
    [InlineData("0912111223")]
    [InlineData("08121112233")]
    [InlineData("")]
    [InlineData("۰۹۱۲۱۱۱۲۲۳")]
    public async Task A_bad_mobile_is_refused(string mobile)
    {
        var refused = await RefusedAsync<ValidationFailedException>("officer.qom", await FacilitatorAsync(mobile: mobile));
        Assert.Equal(Text.Get("Mobile.Invalid"), Assert.Single(refused.Errors[nameof(CreateStaffAccount.Mobile)]));
    }

    [Fact]
    public async Task A_scope_that_does_not_match_the_role_is_refused()
    {
        var (qom, safashahr, welfare) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.Safashahr), await App.AgencyAsync("Qom Province Welfare Directorate"));
        CreateStaffAccount New(Role role, int? province, int? centre, int? agency) => new("mismatch", "نام", "09121112233", role, province, centre, agency, StaffData.GoodPassword);

        var noCentre = await RefusedAsync<ValidationFailedException>("admin", New(Role.Facilitator, qom, null, null));
        Assert.Equal(Text.Get("Staff.Scope.Facilitator"), Assert.Single(noCentre.Errors["CentreId"]));
        await RefusedAsync<ValidationFailedException>("admin", New(Role.Facilitator, null, safashahr, welfare));
        var noAgency = await RefusedAsync<ValidationFailedException>("admin", New(Role.AgencyManager, qom, null, null));
        Assert.Equal(Text.Get("Staff.Scope.AgencyManager"), Assert.Single(noAgency.Errors["AgencyId"]));
        await RefusedAsync<ValidationFailedException>("admin", New(Role.ProvinceOfficer, null, safashahr, null));
        var national = await RefusedAsync<ValidationFailedException>("admin", New(Role.Admin, qom, null, null));
        Assert.Equal(Text.Get("Staff.Scope.Admin"), Assert.Single(national.Errors["Role"]));
        await RefusedAsync<ValidationFailedException>("admin", New(Role.MinistryStaff, null, null, welfare));
        var resident = await RefusedAsync<ValidationFailedException>("admin", New(Role.Resident, null, null, null));
        Assert.Equal(Text.Get("Staff.RoleInvalid"), Assert.Single(resident.Errors["Role"]));
        await RefusedAsync<ValidationFailedException>("admin", New((Role)42, null, null, null));

        var facilitator = (await App.AccountAsync("facilitator.pardisan")).Id;
        await RefusedAsync<ValidationFailedException>("officer.qom", new ChangeStaffRoleOrScope(facilitator, Role.Facilitator, null, null, welfare));
    }

    [Fact]
    public async Task An_inactive_agency_province_or_a_centre_of_an_inactive_province_takes_no_new_account()
    {
        var (agency, province, centre) = await App.ReadAsync(async db =>
        {
            var closed = new Province("staff-closed", "استان بسته", "Closed province");
            db.Provinces.Add(closed);
            await db.SaveChangesAsync();
            var centre = new Centre(closed.Id, "مرکز بسته", "Closed centre", "");
            var agency = new Domain.Duties.Agency("دستگاه بسته", "Closed agency", Domain.Duties.AgencyKind.Health, null);
            agency.Deactivate();
            closed.Deactivate();
            db.AddRange(centre, agency);
            await db.SaveChangesAsync();
            return (agency.Id, closed.Id, centre.Id);
        });

        var refused = await RefusedAsync<RequestRefusedException>("admin", new CreateStaffAccount("mgr.closed", "نام", "09121112233", Role.AgencyManager, null, null, agency, StaffData.GoodPassword));
        Assert.Equal(Text.Get("Staff.AgencyInactive"), Assert.Single(refused.Errors["AgencyId"]));
        refused = await RefusedAsync<RequestRefusedException>("admin", new CreateStaffAccount("off.closed", "نام", "09121112233", Role.ProvinceOfficer, province, null, null, StaffData.GoodPassword));
        Assert.Equal(Text.Get("Staff.ProvinceInactive"), Assert.Single(refused.Errors["ProvinceId"]));
        refused = await RefusedAsync<RequestRefusedException>("admin", new CreateStaffAccount("fac.closed", "نام", "09121112233", Role.Facilitator, null, centre, null, StaffData.GoodPassword));
        Assert.Equal(Text.Get("Staff.CentreInactive"), Assert.Single(refused.Errors["CentreId"]));
        var facilitator = (await App.AccountAsync("facilitator.pardisan")).Id;
        await RefusedAsync<RequestRefusedException>("admin", new ChangeStaffRoleOrScope(facilitator, Role.AgencyManager, null, null, agency));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_identitys_rules_in_the_readers_language()
    {
        var created = await RefusedAsync<RequestRefusedException>("officer.qom", await FacilitatorAsync(password: "abc"));
        Assert.Contains(created.Errors["InitialPassword"], m => m == Text.Get("Password.TooShort", 12));
        Assert.DoesNotContain("Passwords must", created.Message);

        var facilitator = (await App.AccountAsync("facilitator.pardisan")).Id;
        var reset = await RefusedAsync<RequestRefusedException>("officer.qom", new ResetStaffPassword(facilitator, "abc"));
        Assert.Contains(reset.Errors["NewPassword"], m => m == Text.Get("Password.TooShort", 12));
        await RefusedAsync<ValidationFailedException>("officer.qom", new ResetStaffPassword(facilitator, ""));
    }

    [Fact]
    public async Task Messages_are_in_english_for_an_english_reader()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var refused = await RefusedAsync<RequestRefusedException>("officer.qom", await FacilitatorAsync("officer.qom", password: "abc"));
            Assert.Contains("The user name “officer.qom” is already taken", refused.Message);
            var weak = await RefusedAsync<RequestRefusedException>("officer.qom", await FacilitatorAsync(password: "abc"));
            Assert.Contains("The password must be at least", weak.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task An_administrator_cannot_disable_or_demote_themselves_nor_take_away_the_last_enabled_administrator()
    {
        var admin = (await App.AccountAsync("admin")).Id;
        var self = await RefusedAsync<RequestRefusedException>("admin", new DisableStaffAccount(admin));
        Assert.Equal(Text.Get("Staff.CannotDisableSelf"), self.Message);
        var demote = await RefusedAsync<RequestRefusedException>("admin", new ChangeStaffRoleOrScope(admin, Role.MinistryStaff, null, null, null));
        Assert.Equal(Text.Get("Staff.CannotChangeSelf"), demote.Message);

        // A second administrator, disabled after its sign-in was made: a stale session (or a race) must still not remove the last one.
        await App.SendAsync<int>(await App.PrincipalOfAsync("admin"), new CreateStaffAccount("second.admin", "مدیر دوم", "09121112299", Role.Admin, null, null, null, StaffData.GoodPassword));
        var second = await App.PrincipalOfAsync("second.admin");
        await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("admin"), new DisableStaffAccount((await App.AccountAsync("second.admin")).Id));

        var last = await StaffRefusalTests.RefusedAsync<RequestRefusedException>(App, second, new DisableStaffAccount(admin));
        Assert.Equal(Text.Get("Staff.LastAdmin"), last.Message);
        await StaffRefusalTests.RefusedAsync<RequestRefusedException>(App, second, new ChangeStaffRoleOrScope(admin, Role.MinistryStaff, null, null, null));
    }
}
