using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Needs;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.NameFa).HasMaxLength(200);
        builder.Property(a => a.NameEn).HasMaxLength(200);
        builder.Property(a => a.IsActive).HasDefaultValue(true);
        builder.HasOne<Province>().WithMany().HasForeignKey(a => a.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DutyConfiguration : IEntityTypeConfiguration<Duty>
{
    public void Configure(EntityTypeBuilder<Duty> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Duty.MaxTitleLength);
        builder.Property(d => d.Description).HasMaxLength(Duty.MaxDescriptionLength);
        builder.Property(d => d.Reason).HasMaxLength(Duty.MaxNoteLength); // the reason is the note of the decline or block
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.AgencyId, d.Status, d.DueDate });
        builder.HasIndex(d => d.NeighbourhoodId);
        builder.HasIndex(d => new { d.Status, d.DueDate });
        builder.HasOne(d => d.Agency).WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(d => d.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(d => d.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Updates).WithOne().HasForeignKey(u => u.DutyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DutyUpdateConfiguration : IEntityTypeConfiguration<DutyUpdate>
{
    public void Configure(EntityTypeBuilder<DutyUpdate> builder)
    {
        builder.Property(u => u.Note).HasMaxLength(Duty.MaxNoteLength);
        builder.HasIndex(u => new { u.DutyId, u.At });
    }
}

internal sealed class AgencyNotificationConfiguration : IEntityTypeConfiguration<AgencyNotification>
{
    public void Configure(EntityTypeBuilder<AgencyNotification> builder)
    {
        // One notice per duty and kind: the overdue job can run twice, or on two nodes at once, and notify once.
        builder.HasIndex(n => new { n.DutyId, n.Kind }).IsUnique();
        builder.HasIndex(n => new { n.AgencyId, n.CreatedAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(n => n.DutyId).OnDelete(DeleteBehavior.Restrict);
    }
}
