using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Needs;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Meeting.MaxTitleLength);
        builder.Property(m => m.Place).HasMaxLength(Meeting.MaxPlaceLength);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.MaxMinutesLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Scope);
        builder.HasIndex(m => new { m.ProvinceId, m.StartsAt });
        builder.HasIndex(m => new { m.NeighbourhoodId, m.StartsAt });
        builder.HasIndex(m => new { m.CountyId, m.StartsAt });
        builder.HasOne<Province>().WithMany().HasForeignKey(m => m.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(m => m.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(m => m.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Organisations).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne(d => d.Meeting).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingOrganisationConfiguration : IEntityTypeConfiguration<MeetingOrganisation>
{
    public void Configure(EntityTypeBuilder<MeetingOrganisation> builder)
    {
        builder.ToTable("MeetingOrganisations");
        builder.Property(o => o.Name).HasMaxLength(MeetingOrganisation.MaxNameLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("MeetingAgendaItems");
        builder.Property(a => a.Text).HasMaxLength(AgendaItem.MaxTextLength);
        builder.HasOne<Need>().WithMany().HasForeignKey(a => a.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(a => a.DutyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Duty.MaxTitleLength);
        builder.Property(d => d.Details).HasMaxLength(Duty.MaxDescriptionLength);
        builder.HasIndex(d => new { d.MeetingId, d.Number }).IsUnique();
        // One decision per duty: the duty's origin is found from here (the link both ways, without a cycle of keys).
        builder.HasIndex(d => d.DutyId).IsUnique();
        builder.HasOne(d => d.Duty).WithMany().HasForeignKey(d => d.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(d => d.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(d => d.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeetingDecision>().WithMany().HasForeignKey(d => d.AmendsDecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
