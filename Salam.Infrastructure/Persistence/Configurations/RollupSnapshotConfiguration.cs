using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Reports;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class RollupSnapshotConfiguration : IEntityTypeConfiguration<RollupSnapshot>
{
    public void Configure(EntityTypeBuilder<RollupSnapshot> builder)
    {
        builder.HasIndex(s => new { s.Level, s.ScopeId, s.ComputedAt });
    }
}
