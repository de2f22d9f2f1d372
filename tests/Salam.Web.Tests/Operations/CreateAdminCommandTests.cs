using Microsoft.EntityFrameworkCore;
using Salam.Domain.Audit;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Operations;

namespace Salam.Web.Tests.Operations;

/// <summary>create-admin, run through the executable's own entry point against a SQLite file in Production.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private const string Password = "a long quiet river";
    private readonly ScratchFolder _folder = new();
    private string Database => _folder.File("salam.db");

    public void Dispose() => _folder.Dispose();

    private Task<OperatorRun> CreateAdminAsync(string user, string? stdin = Password, IDictionary<string, string?>? environment = null, params string[] more) =>
        OperatorRun.RunAsync(Database, ["create-admin", "--user", user, .. more], stdin, environment, "--Database:CreateIfMissing=true");

    private async Task<(int Users, int Events)> CountsAsync()
    {
        await using var db = new OperatorDatabase(Database);
        return await db.ReadAsync(async (context, _) => (await context.Users.CountAsync(), await context.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task On_an_empty_database_it_makes_an_administrator_who_signs_in_with_that_password_and_the_audit_log_says_system()
    {
        var run = await CreateAdminAsync("root", more: ["--name", "Operations desk"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Created the administrator \"root\"", run.Output, StringComparison.Ordinal);
        await using var db = new OperatorDatabase(Database);
        Assert.True(await db.SignsInAsync("root", Password));
        Assert.False(await db.SignsInAsync("root", Password + "!"));
        var (user, events) = await db.ReadAsync(async (context, _) => (await context.Users.SingleAsync(), await context.AuditEvents.ToListAsync()));
        Assert.Equal((Role.Admin, "Operations desk"), (user.Role, user.FullName));
        var created = Assert.Single(events);
        Assert.Equal(("Account", AuditAction.Created, user.Id, "system", (int?)null), (created.Kind, created.Action, created.SubjectId, created.Actor, created.ActorUserId));
        Assert.Contains("\"PasswordHash\":\"•••\"", created.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_administrator_is_refused_without_force_and_nothing_is_written()
    {
        Assert.Equal(0, (await CreateAdminAsync("root")).ExitCode);
        var before = await CountsAsync();

        var run = await CreateAdminAsync("deputy", "another quiet river");

        Assert.Equal((int)OperatorExitCode.Refused, run.ExitCode);
        Assert.Contains("An administrator already exists (root)", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        await using var db = new OperatorDatabase(Database);
        Assert.False(await db.SignsInAsync("deputy", "another quiet river"));
    }

    [Fact]
    public async Task The_same_name_again_without_force_is_refused_and_its_password_is_unchanged()
    {
        Assert.Equal(0, (await CreateAdminAsync("root")).ExitCode);

        Assert.Equal((int)OperatorExitCode.Refused, (await CreateAdminAsync("root", "another quiet river")).ExitCode);

        await using var db = new OperatorDatabase(Database);
        Assert.True(await db.SignsInAsync("root", Password));
        Assert.False(await db.SignsInAsync("root", "another quiet river"));
    }

    [Fact]
    public async Task With_force_a_second_administrator_is_added()
    {
        Assert.Equal(0, (await CreateAdminAsync("root")).ExitCode);

        Assert.Equal(0, (await CreateAdminAsync("deputy", "another quiet river", more: ["--force"])).ExitCode);

        await using var db = new OperatorDatabase(Database);
        Assert.True(await db.SignsInAsync("root", Password));
        Assert.True(await db.SignsInAsync("deputy", "another quiet river"));
    }

    [Fact]
    public async Task With_force_an_existing_administrator_gets_the_new_password_a_new_stamp_and_no_lockout()
    {
        Assert.Equal(0, (await CreateAdminAsync("root")).ExitCode);
        await using var db = new OperatorDatabase(Database);
        var stamp = await db.ReadAsync(async (_, users) =>
        {
            var root = (await users.FindByNameAsync("root"))!;
            await users.SetLockoutEndDateAsync(root, DateTimeOffset.UtcNow.AddMinutes(15));
            return root.SecurityStamp;
        });

        var run = await CreateAdminAsync("root", "another quiet river", more: ["--force"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Reset the password", run.Output, StringComparison.Ordinal);
        Assert.False(await db.SignsInAsync("root", Password));
        Assert.True(await db.SignsInAsync("root", "another quiet river"));
        var (root, users) = await db.ReadAsync(async (context, _) => (await context.Users.SingleAsync(), await context.Users.CountAsync()));
        Assert.Equal(1, users);
        Assert.Null(root.LockoutEnd);
        Assert.NotEqual(stamp, root.SecurityStamp);
        Assert.Equal(AuditAction.Changed, await db.ReadAsync((context, _) => context.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));
    }

    [Fact]
    public async Task A_user_name_of_a_staff_account_is_refused_even_with_force_and_the_account_is_unchanged()
    {
        Assert.Equal(0, (await CreateAdminAsync("root")).ExitCode);
        await using var db = new OperatorDatabase(Database);
        Assert.True(await db.ReadAsync(async (_, users) =>
            (await users.CreateAsync(new ApplicationUser { UserName = "officer.qom", Role = Role.ProvinceOfficer }, "the officer's own phrase")).Succeeded));
        var before = await CountsAsync();

        var run = await CreateAdminAsync("officer.qom", "another quiet river", more: ["--force"]);

        Assert.Equal((int)OperatorExitCode.Refused, run.ExitCode);
        Assert.Contains("belongs to an existing ProvinceOfficer account", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(Role.ProvinceOfficer, await db.ReadAsync(async (_, users) => (await users.FindByNameAsync("officer.qom"))!.Role));
    }
}
