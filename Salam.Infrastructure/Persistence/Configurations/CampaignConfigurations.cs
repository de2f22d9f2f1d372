using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Campaigns;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.Stories;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength);
        builder.Property(c => c.Description).HasMaxLength(Campaign.MaxDescriptionLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ProvinceId, c.EndsOn });
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Neighbourhoods, n =>
        {
            n.ToTable("CampaignNeighbourhoods");
            n.WithOwner().HasForeignKey(x => x.CampaignId);
            n.HasKey(x => new { x.CampaignId, x.NeighbourhoodId });
            n.HasOne<Neighbourhood>().WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(c => c.Centres, n =>
        {
            n.ToTable("CampaignCentres");
            n.WithOwner().HasForeignKey(x => x.CampaignId);
            n.HasKey(x => new { x.CampaignId, x.CentreId });
            n.HasIndex(x => x.CentreId);
            n.HasOne<Centre>().WithMany().HasForeignKey(x => x.CentreId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(c => c.ItemGoals, n =>
        {
            n.ToTable("CampaignItemGoals");
            n.WithOwner().HasForeignKey(x => x.CampaignId);
            n.HasKey(x => new { x.CampaignId, x.Item });
        });
    }
}

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> builder)
    {
        builder.Property(d => d.DonorName).HasMaxLength(Donation.MaxDonorNameLength);
        builder.Property(d => d.ReceiptNumber).HasMaxLength(Donation.MaxReceiptNumberLength);
        builder.Property(d => d.CancelReason).HasMaxLength(Donation.MaxReasonLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // A receipt number is the centre's own sequence: one donation per number per centre. Pledges have none yet (a unique
        // index on a nullable column admits many NULLs on SQLite and PostgreSQL; SQL Server's is filtered to non-NULL by EF).
        builder.HasIndex(d => new { d.CentreId, d.ReceiptNumber }).IsUnique();
        builder.HasIndex(d => new { d.CampaignId, d.CentreId, d.Status });
        builder.HasIndex(d => new { d.ProvinceId, d.Status });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Centre>().WithMany().HasForeignKey(d => d.CentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(d => d.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Allocations).WithOne().HasForeignKey(a => a.DonationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.ToTable("DonationAllocations");
        builder.Property(a => a.Note).HasMaxLength(Allocation.MaxNoteLength);
        builder.HasIndex(a => new { a.NeighbourhoodId, a.Status });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(a => a.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(a => a.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(a => a.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SuccessStory>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
