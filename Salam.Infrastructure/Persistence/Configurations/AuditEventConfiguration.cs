using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Audit;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(40);
        // The searches the log page offers: newest first, by person, by kind, by province.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorUserId, e.At });
        builder.HasIndex(e => new { e.Kind, e.At });
        builder.HasIndex(e => new { e.ProvinceId, e.At });
    }
}
