using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class RoundCountConfiguration : IEntityTypeConfiguration<RoundCount>
{
    public void Configure(EntityTypeBuilder<RoundCount> builder)
    {
        // One record per round, kept by the database: a second close cannot freeze a second count.
        builder.HasIndex(c => c.RoundId).IsUnique();
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Sha256).HasMaxLength(RoundCount.Sha256Length).IsUnicode(false);
        builder.Property(c => c.CodeVersion).HasMaxLength(RoundCount.CodeVersionMaxLength);
        builder.Ignore(c => c.Ballots);
    }
}

internal sealed class RoundRecountConfiguration : IEntityTypeConfiguration<RoundRecount>
{
    public void Configure(EntityTypeBuilder<RoundRecount> builder)
    {
        builder.HasIndex(r => new { r.RoundId, r.At });
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.By).HasMaxLength(200);
        builder.Property(r => r.RecountedSha256).HasMaxLength(RoundCount.Sha256Length).IsUnicode(false);
    }
}
