using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Campaigns;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Shift.MaxTitleLength);
        builder.Property(s => s.Place).HasMaxLength(Shift.MaxPlaceLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CentreId, s.StartsAt });
        builder.HasIndex(s => new { s.ProvinceId, s.StartsAt });
        // A national event makes one shift per centre, never two.
        builder.HasIndex(s => new { s.NationalEventId, s.CentreId }).IsUnique();
        builder.HasOne<Centre>().WithMany().HasForeignKey(s => s.CentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(s => s.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(s => s.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(s => s.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(s => s.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeetingDecision>().WithMany().HasForeignKey(s => s.MeetingDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NationalEvent>().WithMany().HasForeignKey(s => s.NationalEventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Bookings).WithOne().HasForeignKey(b => b.ShiftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShiftBookingConfiguration : IEntityTypeConfiguration<ShiftBooking>
{
    public void Configure(EntityTypeBuilder<ShiftBooking> builder)
    {
        // One booking per volunteer per shift: a double click or a race stores one.
        builder.HasIndex(b => new { b.ShiftId, b.VolunteerId }).IsUnique();
        builder.HasIndex(b => new { b.VolunteerId, b.Attendance });
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(b => b.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NationalEventConfiguration : IEntityTypeConfiguration<NationalEvent>
{
    public void Configure(EntityTypeBuilder<NationalEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(NationalEvent.MaxTitleLength);
        builder.Property(e => e.Place).HasMaxLength(NationalEvent.MaxPlaceLength);
        builder.HasIndex(e => e.Day).IsUnique();
    }
}
