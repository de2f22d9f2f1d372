using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.Property(r => r.FullName).HasMaxLength(150);
        builder.Property(r => r.Mobile).HasMaxLength(11).IsUnicode(false);
        builder.Property(r => r.NationalId).HasMaxLength(10).IsUnicode(false);
        builder.HasIndex(r => r.Mobile).IsUnique();
        builder.HasIndex(r => r.NationalId).IsUnique();
        builder.HasIndex(r => r.NeighbourhoodId);
        builder.HasOne(r => r.Neighbourhood).WithMany().HasForeignKey(r => r.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.HasIndex(v => v.ResidentId).IsUnique();
        builder.HasIndex(v => new { v.NeighbourhoodId, v.Status });
        builder.HasOne(v => v.Resident).WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(v => v.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}
