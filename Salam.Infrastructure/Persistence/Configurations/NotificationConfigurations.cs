using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(OutboxMessage.BodyMaxLength);
        builder.Property(m => m.Topic).HasMaxLength(OutboxMessage.TopicMaxLength);
        builder.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.DedupeKeyMaxLength);
        builder.Property(m => m.LockedBy).HasMaxLength(OutboxMessage.LockOwnerMaxLength).IsUnicode(false);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(OutboxMessage.ProviderIdMaxLength).IsUnicode(false);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        // A job that runs twice, or on two nodes, queues nothing twice.
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The drainer's claim: pending messages that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // The per-number daily cap counts what was sent to a recipient today.
        builder.HasIndex(m => new { m.Recipient, m.SentAt });
        builder.HasIndex(m => m.Topic);
        builder.HasIndex(m => new { m.RoundId, m.Status });
        builder.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageOptOutConfiguration : IEntityTypeConfiguration<MessageOptOut>
{
    public void Configure(EntityTypeBuilder<MessageOptOut> builder)
    {
        builder.HasIndex(o => new { o.ResidentId, o.Kind }).IsUnique();
        builder.HasOne<Resident>().WithMany().HasForeignKey(o => o.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DutyFollowConfiguration : IEntityTypeConfiguration<DutyFollow>
{
    public void Configure(EntityTypeBuilder<DutyFollow> builder)
    {
        builder.HasIndex(f => new { f.DutyId, f.ResidentId }).IsUnique();
        builder.HasIndex(f => f.ResidentId);
        builder.HasOne<Resident>().WithMany().HasForeignKey(f => f.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Duty>().WithMany().HasForeignKey(f => f.DutyId).OnDelete(DeleteBehavior.Cascade);
    }
}
