using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Centres.Commands.AssignFacilitator;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Application.Centres.Commands.UpdateCentre;
using Salam.Domain.Audit;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Every change to accounts, geography, agencies, centres and residents is in the append-only audit log, in the same transaction.</summary>
public sealed class AuditTrailTests(AuditTrailTests.Country country) : IClassFixture<AuditTrailTests.Country>
{
    private TestApp _app => country.App;
    private FailingAuditSave _fault => country.Fault;

    /// <summary>The demo country, with a fault a test can arm in the save that writes audit entries.</summary>
    public sealed class Country : IAsyncLifetime
    {
        public FailingAuditSave Fault { get; } = new();
        public TestApp App { get; private set; } = default!;

        public async Task InitializeAsync() =>
            App = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(Fault));

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private Task<List<AuditEvent>> EventsSinceAsync(long id) => _app.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync());

    private Task<long> LastEventAsync() => _app.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    private static Dictionary<string, JsonElement> Values(string? json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json!)!;

    [Fact]
    public async Task Opening_a_centre_records_who_did_it_what_was_made_and_each_neighbourhood_it_took_over()
    {
        var officer = await _app.PrincipalOfAsync("officer.qom");
        var (qom, zanbilabad, safashahr) = (await _app.ProvinceAsync("Qom"), await _app.NeighbourhoodAsync("Zanbilabad"), await _app.CentreAsync(DemoCentres.Safashahr));
        var since = await LastEventAsync();

        var id = await _app.SendAsync<int>(officer, new CreateCentre(qom, "مرکز زنبیل‌آباد", "Zanbilabad Centre", "", CentreKind.CommunityCentre, [zanbilabad]));

        var events = await EventsSinceAsync(since);
        var officerId = (await _app.AccountAsync("officer.qom")).Id;
        Assert.All(events, e => Assert.Equal((officerId, "کارشناس اداره کل بهزیستی قم", qom), (e.ActorUserId!.Value, e.Actor, e.ProvinceId!.Value)));
        var centre = Assert.Single(events, e => e.Kind == "Centre");
        Assert.Equal((AuditAction.Created, id, null), (centre.Action, centre.SubjectId, centre.Before));
        Assert.Equal("مرکز زنبیل‌آباد", Values(centre.After)["NameFa"].GetString());
        var moved = Assert.Single(events, e => e.Kind == "Neighbourhood");
        Assert.Equal((AuditAction.Changed, zanbilabad), (moved.Action, moved.SubjectId));
        Assert.Equal(safashahr, Values(moved.Before)["CentreId"].GetInt32());
        Assert.Equal(id, Values(moved.After)["CentreId"].GetInt32());
        Assert.Equal(["CentreId"], Values(moved.After).Keys); // only what changed
    }

    [Fact]
    public async Task Moving_a_facilitator_records_the_accounts_old_and_new_centre_but_never_a_password_or_stamp()
    {
        var (pardisan, safashahr) = (await _app.CentreAsync(DemoCentres.Pardisan), await _app.CentreAsync(DemoCentres.Safashahr));
        var facilitator = await _app.AccountAsync("facilitator.pardisan");
        var since = await LastEventAsync();

        await _app.SendAsync<Mediator.Unit>(await _app.PrincipalOfAsync("officer.qom"), new AssignFacilitator(facilitator.Id, safashahr));

        var account = Assert.Single(await EventsSinceAsync(since));
        Assert.Equal(("Account", AuditAction.Changed, facilitator.Id), (account.Kind, account.Action, account.SubjectId));
        Assert.Equal(pardisan, Values(account.Before)["CentreId"].GetInt32());
        Assert.Equal(safashahr, Values(account.After)["CentreId"].GetInt32());
        Assert.DoesNotContain("SecurityStamp", account.After);
    }

    [Fact]
    public async Task A_new_account_shows_that_a_password_was_set_never_the_password_or_its_hash_and_a_failed_sign_in_is_not_an_event()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var since = await LastEventAsync();
            var user = new ApplicationUser { UserName = "officer.audit", FullName = "کارشناس آزمایشی", Role = Role.ProvinceOfficer, ProvinceId = await _app.ProvinceAsync("Qom") };
            Assert.True((await users.CreateAsync(user, "a-long-enough-Passphrase-1405")).Succeeded);

            var created = Assert.Single(await EventsSinceAsync(since));
            Assert.Equal(("Account", AuditAction.Created, "system"), (created.Kind, created.Action, created.Actor));
            Assert.Equal("•••", Values(created.After)["PasswordHash"].GetString());
            Assert.DoesNotContain(user.PasswordHash!, created.After);

            since = await LastEventAsync();
            await users.AccessFailedAsync(user);
            Assert.Empty(await EventsSinceAsync(since));
        }
    }

    [Fact]
    public async Task When_the_audit_entry_cannot_be_written_the_change_is_not_written_either()
    {
        var officer = await _app.PrincipalOfAsync("officer.qom");
        var safashahr = await _app.CentreAsync(DemoCentres.Safashahr);
        var zanbilabad = await _app.NeighbourhoodAsync("Zanbilabad");
        var before = await _app.CentresFingerprintAsync();
        _fault.Armed = true;
        try
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => _app.SendAsync<Mediator.Unit>(officer,
                new UpdateCentre(safashahr, "نام تازه", "New name", "", CentreKind.PositiveLife, [zanbilabad])));
        }
        finally
        {
            _fault.Armed = false;
        }
        Assert.Equal(before, await _app.CentresFingerprintAsync());
    }

    [Fact]
    public async Task The_log_refuses_to_be_edited_or_emptied_even_by_hand()
    {
        await _app.SendAsync<int>(await _app.PrincipalOfAsync("officer.qom"),
            new CreateCentre(await _app.ProvinceAsync("Qom"), "مرکز دیگر", "Another Centre", "", CentreKind.CommunityCentre, []));
        var count = await _app.ReadAsync(db => db.AuditEvents.CountAsync());

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _app.ReadAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'")));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _app.ReadAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"")));

        Assert.Equal(count, await _app.ReadAsync(db => db.AuditEvents.CountAsync(e => e.Actor != "someone else")));
    }

    /// <summary>Fails the save that writes audit entries, as a full disk would, once armed.</summary>
    public sealed class FailingAuditSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added))
                throw new DbUpdateException("the disk is full (injected)");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
