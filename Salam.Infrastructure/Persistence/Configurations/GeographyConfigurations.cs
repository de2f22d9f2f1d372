using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.Geography;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Place.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameFa).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.IsActive).HasDefaultValue(true);
        builder.HasMany(p => p.Counties).WithOne(c => c.Province).HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Place.CodeMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameFa).HasMaxLength(Place.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(Place.NameMaxLength);
        builder.Property(c => c.IsActive).HasDefaultValue(true);
        builder.HasMany(c => c.Neighbourhoods).WithOne(n => n.County).HasForeignKey(n => n.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(Place.CodeMaxLength);
        builder.HasIndex(n => n.Code).IsUnique();
        builder.Property(n => n.NameFa).HasMaxLength(Place.NameMaxLength);
        builder.Property(n => n.NameEn).HasMaxLength(Place.NameMaxLength);
        builder.Property(n => n.IsActive).HasDefaultValue(true);
        builder.HasOne(n => n.Centre).WithMany(c => c.Neighbourhoods).HasForeignKey(n => n.CentreId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CentreConfiguration : IEntityTypeConfiguration<Centre>
{
    public void Configure(EntityTypeBuilder<Centre> builder)
    {
        builder.Property(c => c.NameFa).HasMaxLength(150);
        builder.Property(c => c.NameEn).HasMaxLength(150);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}
