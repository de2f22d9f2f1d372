using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Staff.Commands.ChangeMyContact;
using Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Queries.GetMyContact;
using Salam.Application.Staff.Queries.GetStaffAccounts;
using Salam.Domain.People;
using Salam.Testing;
using Unit = Mediator.Unit;

namespace Salam.Application.Tests.Notifications;

/// <summary>A staff account's e-mail address and message language: set by the administrator or by the person, validated, and refused writing nothing.</summary>
public sealed class StaffMessagesContactTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<(string? Email, string Language)> ContactOfAsync(string userName) =>
        App.ReadAsync(async db => await db.Users.Where(u => u.UserName == userName).Select(u => new ValueTuple<string?, string>(u.Email, u.Language)).SingleAsync());

    [Fact]
    public async Task The_administrator_opens_an_account_with_an_address_and_changes_or_removes_it_with_its_role()
    {
        var admin = await App.PrincipalOfAsync("admin");
        var agency = await App.AgencyAsync(WelfareDuties.Agency);
        var id = await App.SendAsync<int>(admin, new CreateStaffAccount("manager.mail", "مدیر رایانامه", "09125550001", Role.AgencyManager, null, null, agency,
            StaffData.GoodPassword, "  manager@qom.example "));
        Assert.Equal(("manager@qom.example", Languages.Persian), await ContactOfAsync("manager.mail"));
        var listed = await App.SendAsync<StaffAccountList>(admin, new GetStaffAccounts("manager.mail"));
        Assert.Equal("manager@qom.example", Assert.Single(listed.Accounts).Email);

        await App.SendAsync<Unit>(admin, new ChangeStaffRoleOrScope(id, Role.AgencyManager, null, null, agency, "new@qom.example"));
        Assert.Equal("new@qom.example", (await ContactOfAsync("manager.mail")).Email);
        await App.SendAsync<Unit>(admin, new ChangeStaffRoleOrScope(id, Role.AgencyManager, null, null, agency)); // no address given: kept
        Assert.Equal("new@qom.example", (await ContactOfAsync("manager.mail")).Email);
        await App.SendAsync<Unit>(admin, new ChangeStaffRoleOrScope(id, Role.AgencyManager, null, null, agency, ""));
        Assert.Null((await ContactOfAsync("manager.mail")).Email);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("two@at@qom.example")]
    [InlineData("Name <name@qom.example>")]
    [InlineData("name@localhost")]
    [InlineData("<script>alert(1)</script>@x.ir")]
    public async Task A_bad_address_is_refused_in_persian_and_english_and_nothing_is_written(string email)
    {
        var admin = await App.PrincipalOfAsync("admin");
        var agency = await App.AgencyAsync(WelfareDuties.Agency);
        var facilitator = await App.UserIdAsync("facilitator.pardisan");
        var before = await App.ContactsFingerprintAsync() + await App.StaffFingerprintAsync();

        var created = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(admin,
            new CreateStaffAccount("manager.bad", "مدیر", "09125550002", Role.AgencyManager, null, null, agency, StaffData.GoodPassword, email)));
        Assert.Contains("نشانی رایانامه درست نیست", created.Message);
        var centre = await App.ReadAsync(db => db.Users.Where(u => u.Id == facilitator).Select(u => u.CentreId).SingleAsync());
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(admin, new ChangeStaffRoleOrScope(facilitator, Role.Facilitator, null, centre, null, email)));
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var mine = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
                await App.SendAsync<Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new ChangeMyContact(email, Languages.English)));
            Assert.Contains("The e-mail address is not valid", mine.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal(before, await App.ContactsFingerprintAsync() + await App.StaffFingerprintAsync());
    }

    [Fact]
    public async Task A_staff_member_sets_their_own_address_and_language_and_a_bad_language_or_a_resident_is_refused()
    {
        var officer = await App.PrincipalOfAsync("officer.mazandaran");
        await App.SendAsync<Unit>(officer, new ChangeMyContact("officer@mazandaran.example", Languages.English));
        Assert.Equal(new StaffContact("officer@mazandaran.example", Languages.English), await App.SendAsync<StaffContact>(officer, new GetMyContact()));
        await App.SendAsync<Unit>(officer, new ChangeMyContact("  ", Languages.Persian));
        Assert.Equal(new StaffContact(null, Languages.Persian), await App.SendAsync<StaffContact>(officer, new GetMyContact()));

        var before = await App.ContactsFingerprintAsync();
        var language = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(officer, new ChangeMyContact("officer@mazandaran.example", "de")));
        Assert.Contains("فارسی یا انگلیسی", language.Message);
        var resident = await App.ReadAsync(db => db.Residents.Where(r => r.Status == ResidentStatus.Confirmed).Select(r => r.Mobile).FirstAsync());
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<Unit>(await App.ResidentPrincipalAsync(resident), new ChangeMyContact("resident@x.example", Languages.English)));
        Assert.Equal(before, await App.ContactsFingerprintAsync());
    }
}
