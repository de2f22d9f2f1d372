using Microsoft.EntityFrameworkCore;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// The one row that says which database this is (a GUID made with it) and when a health probe last wrote to it.
/// A file swapped under the running app carries another GUID, or none.
/// </summary>
public sealed class DatabaseIdentity
{
    public const int OnlyRow = 1;

    public int Id { get; init; } = OnlyRow;
    public Guid InstanceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Reads this database's identity, giving it one if it has none yet (a new database, or one made before identities).</summary>
    internal static async Task<Guid> EnsureAsync(SalamDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.DatabaseIdentity.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } existing) return existing.InstanceId;
        var now = clock.GetUtcNow();
        db.DatabaseIdentity.Add(new DatabaseIdentity { InstanceId = Guid.NewGuid(), CreatedAt = now, CheckedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another node starting on the same database wrote it first: that one is the identity.
            db.ChangeTracker.Clear();
        }
        return await db.DatabaseIdentity.AsNoTracking().Select(i => i.InstanceId).SingleAsync(cancellationToken);
    }
}

/// <summary>The identity of the database this process started on, recorded at start; the health check compares against it.</summary>
public sealed class StartedDatabase
{
    public Guid? InstanceId { get; internal set; }
}
