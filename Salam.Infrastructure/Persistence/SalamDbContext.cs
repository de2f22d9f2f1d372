using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Audit;
using Salam.Infrastructure.Audit;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Stories;
using Salam.Domain.Campaigns;
using Salam.Domain.Shifts;
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
    public DbSet<RoundCount> RoundCounts => Set<RoundCount>();
    public DbSet<RoundRecount> RoundRecounts => Set<RoundRecount>();
    public DbSet<PaperBatch> PaperBatches => Set<PaperBatch>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Duty> Duties => Set<Duty>();
    public DbSet<DutyUpdate> DutyUpdates => Set<DutyUpdate>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingDecision> MeetingDecisions => Set<MeetingDecision>();
    public DbSet<AgencyNotification> AgencyNotifications => Set<AgencyNotification>();
    public DbSet<CompletionCheck> CompletionChecks => Set<CompletionCheck>();
    public DbSet<SuccessStory> SuccessStories => Set<SuccessStory>();
    public DbSet<StoryPhoto> StoryPhotos => Set<StoryPhoto>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Donation> Donations => Set<Donation>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<ShiftBooking> ShiftBookings => Set<ShiftBooking>();
    public DbSet<NationalEvent> NationalEvents => Set<NationalEvent>();
    public DbSet<RollupSnapshot> RollupSnapshots => Set<RollupSnapshot>();
    public DbSet<RollupMark> RollupMarks => Set<RollupMark>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageOptOut> MessageOptOuts => Set<MessageOptOut>();
    public DbSet<DutyFollow> DutyFollows => Set<DutyFollow>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DatabaseIdentity> DatabaseIdentity => Set<DatabaseIdentity>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    // Set each time the context is handed to a request's scope (DependencyInjection), since a pooled context cannot take scoped services.
    private ICurrentUser? _actor;
    private TimeProvider _clock = TimeProvider.System;

    /// <summary>Who the audit log names for this scope's changes, and its clock.</summary>
    public SalamDbContext AuditedAs(ICurrentUser? actor, TimeProvider clock)
    {
        _actor = actor;
        _clock = clock;
        return this;
    }

    /// <summary>A save that changes an audited entity writes its audit events in the same transaction (see <see cref="AuditTrail"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once here, not again by each of the saves below: a large tracker (the demo seed) pays it once.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (AuditTrail.Capture(ChangeTracker) is not { } trail) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            return await InTransactionAsync(async () =>
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                var (userId, name) = _actor is { IsSystem: false, UserId: { } id } ? (id, _actor.DisplayName ?? $"#{id}") : ((int?)null, "system");
                AuditEvents.AddRange(await trail.EventsAsync(this, userId, name, _clock.GetUtcNow(), cancellationToken));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                return saved;
            }, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    // Audited changes are saved asynchronously only (Data Protection's key store saves synchronously, and is not audited).
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => AuditTrail.Capture(ChangeTracker) is null
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new NotSupportedException("Audited changes are saved asynchronously, so each reaches the audit log.");

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    public void DiscardChanges() => ChangeTracker.Clear();

    public virtual async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null) return await work();
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public abstract Task HoldRoundAsync(int roundId, RoundHold hold, CancellationToken cancellationToken);

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
    private static readonly ConcurrentDictionary<string, WriteTarget> Targets = new();

    // True while this context is inside the queue, so a save within its own transaction does not queue behind itself.
    private bool _writing;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AsWriterAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the transaction holds the file's write lock from its start,
    // so a read inside it sees what no other writer, in this process or another, can change before the commit.
    public override Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        AsWriterAsync(() => base.InTransactionAsync(work, cancellationToken), cancellationToken);

    // The transaction's write lock on the whole file already holds the round: nothing to add, no query to pay on the hot path.
    public override Task HoldRoundAsync(int roundId, RoundHold hold, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<T> AsWriterAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (_writing) return await write();
        var target = Targets.GetOrAdd(Database.GetConnectionString() ?? "", connectionString => new WriteTarget(connectionString));
        await target.Writer.WaitAsync(cancellationToken);
        _writing = true;
        try
        {
            target.RefuseIfFileIsGone((SqliteConnection)Database.GetDbConnection());
            return await write();
        }
        finally
        {
            _writing = false;
            target.Writer.Release();
        }
    }

    private sealed class WriteTarget(string connectionString)
    {
        private readonly string? _path = SqliteDatabaseFile.PathOf(connectionString);

        public SemaphoreSlim Writer { get; } = new(1, 1);

        // A pooled connection keeps writing to a deleted file, and the write would be acknowledged and lost with it.
        // One stat per save (no query) notices; the pool is cleared so no connection goes on using the unlinked file.
        public void RefuseIfFileIsGone(SqliteConnection connection)
        {
            if (_path is null || File.Exists(_path)) return;
            SqliteConnection.ClearPool(connection);
            throw new DatabaseFileMissingException(_path);
        }
    }

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

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

/// <summary>A server database without a licence: PostgreSQL (and the server provider every test run exercises).</summary>
public sealed class PostgreSqlSalamDbContext(DbContextOptions<PostgreSqlSalamDbContext> options) : SalamDbContext(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    // As on SQL Server: a ballot holds the round's row shared until its commit (ballots do not wait for each other), a close
    // exclusively, so it waits for the ballots already past the check; under READ COMMITTED each statement after the hold
    // reads afresh, so a ballot that waited for a close's commit then reads the round closed.
    public override Task HoldRoundAsync(int roundId, RoundHold hold, CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(hold == RoundHold.Ballot
            ? "SELECT \"Id\" FROM \"PriorityRounds\" WHERE \"Id\" = {0} FOR SHARE"
            : "SELECT \"Id\" FROM \"PriorityRounds\" WHERE \"Id\" = {0} FOR UPDATE", [roundId], cancellationToken);
}

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerSalamDbContext(DbContextOptions<SqlServerSalamDbContext> options) : SalamDbContext(options)
{
    // 2601: duplicate key in a unique index; 2627: violation of a unique or primary key constraint.
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 };

    // A ballot keeps a shared lock on the round's row until its commit; a close asks for an exclusive one, so it waits for
    // the ballots already past the check, and ballots that come after it wait for its commit and then see it closed.
    public override Task HoldRoundAsync(int roundId, RoundHold hold, CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(hold == RoundHold.Ballot
            ? "SELECT [Id] FROM [PriorityRounds] WITH (REPEATABLEREAD, ROWLOCK) WHERE [Id] = {0}"
            : "SELECT [Id] FROM [PriorityRounds] WITH (XLOCK, ROWLOCK, HOLDLOCK) WHERE [Id] = {0}", [roundId], cancellationToken);
}
