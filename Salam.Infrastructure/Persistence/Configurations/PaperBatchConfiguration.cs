using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class PaperBatchConfiguration : IEntityTypeConfiguration<PaperBatch>
{
    public void Configure(EntityTypeBuilder<PaperBatch> builder)
    {
        builder.HasIndex(b => new { b.RoundId, b.Status });
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        // Two desks entering into one batch at once, or a close racing an entry: the second save finds the count or the
        // status changed and is retried or refused, so a batch never holds more sheets than declared, nor gains one once closed.
        builder.Property(b => b.EnteredSheets).IsConcurrencyToken();
        builder.Property(b => b.Status).IsConcurrencyToken();
        builder.HasMany<Ballot>().WithOne().HasForeignKey(b => b.PaperBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
