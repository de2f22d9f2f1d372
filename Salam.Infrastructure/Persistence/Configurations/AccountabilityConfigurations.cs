using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class CompletionCheckConfiguration : IEntityTypeConfiguration<CompletionCheck>
{
    public void Configure(EntityTypeBuilder<CompletionCheck> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(CompletionCheck.MaxNoteLength);
        // One answer per resident per completion: a double submit or a race stores one.
        builder.HasIndex(c => new { c.DutyId, c.CompletionRound, c.ResidentId }).IsUnique();
        builder.HasIndex(c => c.ResidentId);
        builder.HasOne<Duty>().WithMany().HasForeignKey(c => c.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SuccessStoryConfiguration : IEntityTypeConfiguration<SuccessStory>
{
    public void Configure(EntityTypeBuilder<SuccessStory> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(SuccessStory.MaxTitleLength);
        builder.Property(s => s.Text).HasMaxLength(SuccessStory.MaxTextLength);
        builder.Property(s => s.ReturnReason).HasMaxLength(SuccessStory.MaxReasonLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ProvinceId, s.Status });
        builder.HasIndex(s => new { s.NeighbourhoodId, s.Status });
        builder.HasIndex(s => new { s.Status, s.Featured, s.ApprovedAt });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(s => s.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(s => s.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Duty>().WithMany().HasForeignKey(s => s.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeetingDecision>().WithMany().HasForeignKey(s => s.MeetingDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoryPhotoConfiguration : IEntityTypeConfiguration<StoryPhoto>
{
    public void Configure(EntityTypeBuilder<StoryPhoto> builder)
    {
        builder.ToTable("SuccessStoryPhotos");
        builder.Property(p => p.AltText).HasMaxLength(StoryPhoto.MaxAltTextLength);
        builder.HasIndex(p => new { p.StoryId, p.Position }).IsUnique();
    }
}
