using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Application.Staff.Commands.ResetStaffPassword;
using Salam.Application.Staff.Commands.UnlockStaffAccount;
using Salam.Domain.Audit;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;

namespace Salam.Application.Tests;

/// <summary>Staff accounts opened, moved, disabled, reset and unlocked through the pipeline, each change in the audit log without a password.</summary>
public sealed class StaffAccountTests(StaffAccountTests.Country fixture) : IClassFixture<StaffAccountTests.Country>
{
    private Testing.TestApp App => fixture.App;

    /// <summary>The demo country with authentication registered, so the real SignInManager checks passwords as the sign-in page does.</summary>
    public sealed class Country : IAsyncLifetime
    {
        public Testing.TestApp App { get; private set; } = default!;

        public async Task InitializeAsync() => App = await Testing.TestApp.StartAsync(configure: services => services.AddAuthentication());

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private Task<long> LastEventAsync() => App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    private Task<List<AuditEvent>> EventsSinceAsync(long id) => App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync());

    private static Dictionary<string, JsonElement> Values(string? json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json!)!;

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, SignInManager<ApplicationUser>, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>());
    }

    private async Task<SignInResult> CheckPasswordAsync(string userName, string password) =>
        await WithUsersAsync(async (users, signIn) => await signIn.CheckPasswordSignInAsync((await users.FindByNameAsync(userName))!, password, lockoutOnFailure: false));

    private async Task<int> CreateFacilitatorAsync(string userName)
    {
        var safashahr = await App.CentreAsync(DemoCentres.Safashahr);
        return await App.SendAsync<int>(await App.PrincipalOfAsync("officer.qom"),
            new CreateStaffAccount($" {userName} ", " زهرا کریمی ", "۰۹۱۲ ۳۴۵ ۶۷۸۹", Role.Facilitator, null, safashahr, null, StaffData.GoodPassword));
    }

    [Fact]
    public async Task An_officer_opens_a_facilitator_at_a_centre_of_their_province_with_a_one_time_password_and_the_log_has_no_hash()
    {
        var since = await LastEventAsync();
        var id = await CreateFacilitatorAsync("zahra.karimi");

        var account = await App.AccountAsync("zahra.karimi");
        Assert.Equal((id, "زهرا کریمی", "09123456789", Role.Facilitator), (account.Id, account.FullName, account.PhoneNumber, account.Role));
        Assert.Equal((await App.CentreAsync(DemoCentres.Safashahr), await App.ProvinceAsync("Qom"), (int?)null), (account.CentreId!.Value, account.ProvinceId!.Value, account.AgencyId));
        Assert.True(account.MustChangePassword);
        Assert.False(account.IsDisabled);
        Assert.True(account.LockoutEnabled);
        Assert.True((await CheckPasswordAsync("zahra.karimi", StaffData.GoodPassword)).Succeeded);

        var created = Assert.Single(await EventsSinceAsync(since));
        Assert.Equal(("Account", AuditAction.Created, id, (await App.AccountAsync("officer.qom")).Id), (created.Kind, created.Action, created.SubjectId, created.ActorUserId!.Value));
        Assert.Equal(await App.ProvinceAsync("Qom"), created.ProvinceId);
        Assert.Equal("•••", Values(created.After)["PasswordHash"].GetString());
        Assert.DoesNotContain(account.PasswordHash!, created.After);
        Assert.DoesNotContain(StaffData.GoodPassword, created.After);
    }

    [Fact]
    public async Task The_administrator_opens_accounts_of_every_role_and_each_gets_the_province_its_scope_gives()
    {
        var admin = await App.PrincipalOfAsync("admin");
        var (mazandaran, welfare, national) = (await App.ProvinceAsync("Mazandaran"), await App.AgencyAsync("Qom Province Welfare Directorate"), await App.NationalAgencyAsync());

        var officer = await App.SendAsync<int>(admin, new CreateStaffAccount("officer.new", "کارشناس تازه", "09121110001", Role.ProvinceOfficer, mazandaran, null, null, StaffData.GoodPassword));
        var manager = await App.SendAsync<int>(admin, new CreateStaffAccount("manager.new", "مدیر تازه", "09121110002", Role.AgencyManager, null, null, welfare, StaffData.GoodPassword));
        var nationalManager = await App.SendAsync<int>(admin, new CreateStaffAccount("manager.national", "مدیر ملی", "09121110003", Role.AgencyManager, null, null, national, StaffData.GoodPassword));
        var ministry = await App.SendAsync<int>(admin, new CreateStaffAccount("ministry.new", "ستاد", "09121110004", Role.MinistryStaff, null, null, null, StaffData.GoodPassword));

        var accounts = await App.ReadAsync(db => db.Users.Where(u => new[] { officer, manager, nationalManager, ministry }.Contains(u.Id)).OrderBy(u => u.Id)
            .Select(u => new { u.Role, u.ProvinceId, u.AgencyId }).ToListAsync());
        Assert.Equal((Role.ProvinceOfficer, (int?)mazandaran), (accounts[0].Role, accounts[0].ProvinceId));
        Assert.Equal((Role.AgencyManager, (int?)await App.ProvinceAsync("Qom"), (int?)welfare), (accounts[1].Role, accounts[1].ProvinceId, accounts[1].AgencyId));
        Assert.Equal((Role.AgencyManager, (int?)null), (accounts[2].Role, accounts[2].ProvinceId));
        Assert.Equal((Role.MinistryStaff, (int?)null), (accounts[3].Role, accounts[3].ProvinceId));
    }

    [Fact]
    public async Task Changing_a_role_or_scope_renews_the_stamp_and_is_logged_with_before_and_after()
    {
        var id = await CreateFacilitatorAsync("moved.facilitator");
        var (safashahr, pardisan, welfare) = (await App.CentreAsync(DemoCentres.Safashahr), await App.CentreAsync(DemoCentres.Pardisan), await App.AgencyAsync("Qom Province Welfare Directorate"));
        var officer = await App.PrincipalOfAsync("officer.qom");
        var stamp = (await App.AccountAsync("moved.facilitator")).SecurityStamp;
        var since = await LastEventAsync();

        await App.SendAsync<Unit>(officer, new ChangeStaffRoleOrScope(id, Role.Facilitator, null, pardisan, null));

        var moved = await App.AccountAsync("moved.facilitator");
        Assert.Equal(pardisan, moved.CentreId);
        Assert.NotEqual(stamp, moved.SecurityStamp);
        var change = Assert.Single(await EventsSinceAsync(since));
        Assert.Equal((AuditAction.Changed, id), (change.Action, change.SubjectId));
        Assert.Equal(safashahr, Values(change.Before)["CentreId"].GetInt32());
        Assert.Equal(pardisan, Values(change.After)["CentreId"].GetInt32());

        await App.SendAsync<Unit>(officer, new ChangeStaffRoleOrScope(id, Role.AgencyManager, null, null, welfare));
        var manager = await App.AccountAsync("moved.facilitator");
        Assert.Equal((Role.AgencyManager, (int?)null, (int?)welfare), (manager.Role, manager.CentreId, manager.AgencyId));
    }

    [Fact]
    public async Task A_disabled_account_is_not_allowed_to_sign_in_until_enabled_and_both_are_logged()
    {
        var id = await CreateFacilitatorAsync("disabled.facilitator");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var stamp = (await App.AccountAsync("disabled.facilitator")).SecurityStamp;
        var since = await LastEventAsync();

        await App.SendAsync<Unit>(officer, new DisableStaffAccount(id));

        var disabled = await App.AccountAsync("disabled.facilitator");
        Assert.True(disabled.IsDisabled);
        Assert.NotEqual(stamp, disabled.SecurityStamp); // open sessions end
        Assert.True((await CheckPasswordAsync("disabled.facilitator", StaffData.GoodPassword)).IsNotAllowed);
        var logged = Assert.Single(await EventsSinceAsync(since));
        Assert.True(Values(logged.After)["IsDisabled"].GetBoolean());

        await App.SendAsync<Unit>(officer, new EnableStaffAccount(id));
        Assert.False((await App.AccountAsync("disabled.facilitator")).IsDisabled);
        Assert.True((await CheckPasswordAsync("disabled.facilitator", StaffData.GoodPassword)).Succeeded);
        Assert.Equal(2, (await EventsSinceAsync(since)).Count);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_must_be_changed_ends_sessions_and_lifts_a_lockout()
    {
        var id = await CreateFacilitatorAsync("reset.facilitator");
        await WithUsersAsync(async (users, _) =>
        {
            var user = (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
            return 0;
        });
        Assert.True((await CheckPasswordAsync("reset.facilitator", StaffData.GoodPassword)).IsLockedOut);
        var stamp = (await App.AccountAsync("reset.facilitator")).SecurityStamp;

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("officer.qom"), new ResetStaffPassword(id, "Ordibehesht-7-Sari!"));

        var reset = await App.AccountAsync("reset.facilitator");
        Assert.True(reset.MustChangePassword);
        Assert.Null(reset.LockoutEnd);
        Assert.NotEqual(stamp, reset.SecurityStamp);
        Assert.True((await CheckPasswordAsync("reset.facilitator", "Ordibehesht-7-Sari!")).Succeeded);
        Assert.False((await CheckPasswordAsync("reset.facilitator", StaffData.GoodPassword)).Succeeded);
    }

    [Fact]
    public async Task Unlocking_lifts_a_lockout_before_it_runs_out()
    {
        var id = await CreateFacilitatorAsync("locked.facilitator");
        await WithUsersAsync(async (users, _) =>
        {
            var user = (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
            return 0;
        });
        Assert.NotNull((await App.AccountAsync("locked.facilitator")).LockoutEnd);

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("admin"), new UnlockStaffAccount(id));

        Assert.Null((await App.AccountAsync("locked.facilitator")).LockoutEnd);
        Assert.True((await CheckPasswordAsync("locked.facilitator", StaffData.GoodPassword)).Succeeded);
    }
}
