using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Salam.Infrastructure.Persistence.Configurations;

internal sealed class DatabaseIdentityConfiguration : IEntityTypeConfiguration<DatabaseIdentity>
{
    public void Configure(EntityTypeBuilder<DatabaseIdentity> builder)
    {
        builder.ToTable("DatabaseIdentity");
        builder.Property(i => i.Id).ValueGeneratedNever();
    }
}
