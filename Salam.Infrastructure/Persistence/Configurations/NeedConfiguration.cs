using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Need.TitleMaxLength);
        builder.Property(n => n.Description).HasMaxLength(Need.DescriptionMaxLength);
        builder.Property(n => n.RejectionReason).HasMaxLength(500);
        builder.Property(n => n.EstimatedCost).HasPrecision(18, 0);
        builder.HasIndex(n => new { n.NeighbourhoodId, n.Status });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(n => n.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(n => n.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(n => n.ProposedByResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
