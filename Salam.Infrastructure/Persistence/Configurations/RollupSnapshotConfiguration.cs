using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Reports;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class RollupSnapshotConfiguration : IEntityTypeConfiguration<RollupSnapshot>
{
    public void Configure(EntityTypeBuilder<RollupSnapshot> builder)
    {
        // One snapshot per place and minute: a run repeated (or raced) within the minute replaces it, never doubles it.
        // It also serves "the latest snapshot of each place", which every roll-up level and dashboard reads.
        builder.HasIndex(s => new { s.Level, s.ScopeId, s.ComputedAt }).IsUnique();
        // A run first clears what an earlier run of its minute wrote: found by the minute, not by scanning all history.
        builder.HasIndex(s => s.ComputedAt);
        builder.HasMany(s => s.Breakdowns).WithOne().HasForeignKey(b => b.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RollupBreakdownConfiguration : IEntityTypeConfiguration<RollupBreakdown>
{
    public void Configure(EntityTypeBuilder<RollupBreakdown> builder)
    {
        builder.ToTable("RollupBreakdowns");
        builder.HasKey(b => new { b.SnapshotId, b.Kind, b.Key });
    }
}

internal sealed class RollupMarkConfiguration : IEntityTypeConfiguration<RollupMark>
{
    public void Configure(EntityTypeBuilder<RollupMark> builder)
    {
        builder.ToTable("RollupMarks");
        builder.HasIndex(m => m.Claimed);
        // No foreign key: a mark is a hint written on the hot path (every ballot), so it costs one plain insert.
        builder.HasIndex(m => m.NeighbourhoodId);
    }
}
