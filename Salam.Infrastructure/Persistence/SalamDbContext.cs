using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Persistence;

/// <summary>The one database: domain tables, sign-in accounts and codes, and Data Protection keys (shared by every web node).</summary>
public abstract class SalamDbContext(DbContextOptions options)
    : IdentityUserContext<ApplicationUser, int>(options), ISalamDbContext, IDataProtectionKeyContext
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();
    public DbSet<Centre> Centres => Set<Centre>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<VolunteerStatusChange> VolunteerStatusChanges => Set<VolunteerStatusChange>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<PriorityRound> PriorityRounds => Set<PriorityRound>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Duty> Duties => Set<Duty>();
    public DbSet<DutyUpdate> DutyUpdates => Set<DutyUpdate>();
    public DbSet<AgencyNotification> AgencyNotifications => Set<AgencyNotification>();
    public DbSet<RollupSnapshot> RollupSnapshots => Set<RollupSnapshot>();
    public DbSet<RollupMark> RollupMarks => Set<RollupMark>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    public void DiscardChanges() => ChangeTracker.Clear();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalamDbContext).Assembly);
    }
}

/// <summary>The embedded default. SQLite cannot order or compare DateTimeOffset text, so it is stored as a sortable number.</summary>
public sealed class SqliteSalamDbContext(DbContextOptions<SqliteSalamDbContext> options) : SalamDbContext(options)
{
    // SQLite has one writer per file. Writers that collide get SQLITE_BUSY, and the driver's retry sleeps 150 ms;
    // queuing this process's writes in memory instead keeps a busy ballot box fast.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var writer = Writers.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writer.Release();
        }
    }

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Configurations.SqliteTextLimits.Apply(builder);
    }
}

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerSalamDbContext(DbContextOptions<SqlServerSalamDbContext> options) : SalamDbContext(options)
{
    // 2601: duplicate key in a unique index; 2627: violation of a unique or primary key constraint.
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 };
}
