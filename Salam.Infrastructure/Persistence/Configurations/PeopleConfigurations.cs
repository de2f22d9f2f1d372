using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.Property(r => r.FullName).HasMaxLength(Resident.NameMaxLength);
        builder.Property(r => r.RejectionReason).HasMaxLength(Resident.RejectionReasonMaxLength);
        builder.Ignore(r => r.IsConfirmed);
        // The facilitator's queue: a neighbourhood's pending registrations, oldest first.
        builder.HasIndex(r => new { r.NeighbourhoodId, r.Status, r.RegisteredAt });
        builder.Property(r => r.Mobile).HasMaxLength(11).IsUnicode(false);
        builder.Property(r => r.NationalId).HasMaxLength(10).IsUnicode(false);
        builder.Property(r => r.Language).HasMaxLength(2).IsUnicode(false).HasDefaultValue(Languages.Persian);
        builder.HasIndex(r => r.Mobile).IsUnique();
        builder.HasIndex(r => r.NationalId).IsUnique();
        builder.HasOne(r => r.Neighbourhood).WithMany().HasForeignKey(r => r.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(Volunteer.NoteMaxLength);
        builder.Ignore(v => v.IsWithdrawn);
        builder.Property(v => v.ShiftsVersion).IsConcurrencyToken();
        builder.HasIndex(v => v.ResidentId).IsUnique();
        builder.HasIndex(v => new { v.NeighbourhoodId, v.Status });
        builder.HasOne(v => v.Resident).WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(v => v.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.StatusChanges).WithOne().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerStatusChangeConfiguration : IEntityTypeConfiguration<VolunteerStatusChange>
{
    public void Configure(EntityTypeBuilder<VolunteerStatusChange> builder) => builder.HasIndex(c => new { c.VolunteerId, c.At });
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        // The same volunteer is placed on the same duty (or need) once, even when two facilitators click together.
        builder.HasIndex(p => new { p.VolunteerId, p.DutyId }).IsUnique().HasFilter("\"DutyId\" IS NOT NULL");
        builder.HasIndex(p => new { p.VolunteerId, p.NeedId }).IsUnique().HasFilter("\"NeedId\" IS NOT NULL");
        builder.HasIndex(p => p.DutyId);
        builder.HasIndex(p => p.NeedId);
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(p => p.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(p => p.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(p => p.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Placements_OneTarget", "(\"DutyId\" IS NULL AND \"NeedId\" IS NOT NULL) OR (\"DutyId\" IS NOT NULL AND \"NeedId\" IS NULL)"));
    }
}
