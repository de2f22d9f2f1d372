using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// Healthy only when the database takes a write and is the one this process started on. The probe writes the identity
/// row's time in a transaction and reads its GUID back: a read-only file or server fails the write, a swapped file has
/// another GUID (or none). For SQLite it first checks the file is there and probes on a fresh, unpooled connection,
/// because pooled connections keep writing to a deleted or replaced file as if nothing had happened.
/// On SQL Server it is the same write probe on the app's own connection, with no file to check.
/// </summary>
public sealed class DatabaseHealthCheck(SalamDbContext db, StartedDatabase started, TimeProvider clock, SqliteDatabaseFile? file = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (file?.Path is null) return await ProbeAsync(db, cancellationToken);
        if (!file.Exists) return HealthCheckResult.Unhealthy($"The database file {file.Path} is missing.");
        await using var probe = file.OpenProbe();
        return await ProbeAsync(probe, cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync(SalamDbContext target, CancellationToken cancellationToken)
    {
        Guid? instance;
        try
        {
            await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            await target.DatabaseIdentity.Where(i => i.Id == DatabaseIdentity.OnlyRow)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CheckedAt, now), cancellationToken);
            instance = await target.DatabaseIdentity.Select(i => (Guid?)i.InstanceId).SingleOrDefaultAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written to.", exception);
        }
        if (instance is null) return HealthCheckResult.Unhealthy("The database holds no identity: it is not the database this app started on.");
        return instance == started.InstanceId
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The database is another one (identity {instance}) than the one this app started on ({started.InstanceId}).");
    }
}
