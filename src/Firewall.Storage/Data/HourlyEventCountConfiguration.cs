using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firewall.Storage.Data;

/// <summary>The <c>event_counts_hourly</c> rollup, written with <c>event_counts</c> in every batch's transaction.</summary>
internal sealed class HourlyEventCountConfiguration : IEntityTypeConfiguration<HourlyEventCount>
{
    public void Configure(EntityTypeBuilder<HourlyEventCount> builder)
    {
        builder.ToTable("event_counts_hourly");
        builder.HasKey(c => new { c.Hour, c.Severity }).HasName("pk_event_counts_hourly");
        builder.Property(c => c.Hour).HasColumnName("hour");
        builder.Property(c => c.Severity).HasColumnName("severity").HasConversion<short>();
        builder.Property(c => c.Count).HasColumnName("count");
    }
}
