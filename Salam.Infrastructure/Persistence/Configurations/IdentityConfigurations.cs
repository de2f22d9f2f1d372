using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150);
        builder.Property(u => u.Language).HasMaxLength(2).IsUnicode(false).HasDefaultValue(Languages.Persian);
        builder.HasIndex(u => u.ResidentId).IsUnique();
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> builder)
    {
        builder.Property(c => c.Mobile).HasMaxLength(11).IsUnicode(false);
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.ClientAddress).HasMaxLength(45).IsUnicode(false);
        builder.HasIndex(c => new { c.Mobile, c.CreatedAt });
    }
}
