using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class PriorityRoundConfiguration : IEntityTypeConfiguration<PriorityRound>
{
    public void Configure(EntityTypeBuilder<PriorityRound> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.ClosesAt });
        builder.HasIndex(r => r.NeighbourhoodId);
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(r => r.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Needs).WithOne().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Results).WithOne().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundNeedConfiguration : IEntityTypeConfiguration<RoundNeed>
{
    public void Configure(EntityTypeBuilder<RoundNeed> builder)
    {
        builder.HasKey(n => new { n.RoundId, n.NeedId });
        builder.HasOne<Need>().WithMany().HasForeignKey(n => n.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundResultConfiguration : IEntityTypeConfiguration<RoundResult>
{
    public void Configure(EntityTypeBuilder<RoundResult> builder)
    {
        builder.HasKey(r => new { r.RoundId, r.NeedId });
        builder.HasOne<Need>().WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        // One ballot per resident per round, kept by the database itself, not only by code.
        builder.HasIndex(b => new { b.RoundId, b.ResidentId }).IsUnique();
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(b => b.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Entries).WithOne().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotEntryConfiguration : IEntityTypeConfiguration<BallotEntry>
{
    public void Configure(EntityTypeBuilder<BallotEntry> builder)
    {
        // Distinct needs within a ballot are the domain's rule, not a unique index: a revision that swaps two ranks
        // updates rows one at a time, and a unique (ballot, need) index would refuse the swap half-way.
        builder.HasKey(e => new { e.BallotId, e.Rank });
        builder.HasOne<Need>().WithMany().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}
