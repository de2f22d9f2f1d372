using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Domain.Notifications;

namespace Salam.Infrastructure.Notifications;

/// <summary>
/// Asks for a drain when a save that added outbox messages is committed: at once after a save of its own, or when the
/// transaction it ran in commits (a rolled-back one sends nothing, and asks for nothing).
/// </summary>
public sealed class OutboxSaveTrigger(OutboxDrainSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly object Waiting = new();
    private readonly ConditionalWeakTable<DbContext, object> _added = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            _added.AddOrUpdate(context, Waiting);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && _added.Remove(context)) signal.Request();
    }

    private void Failed(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) _added.Remove(context);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _added.Remove(context)) signal.Request();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _added.Remove(context);
    }
}
