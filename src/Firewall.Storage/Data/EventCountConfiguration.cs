using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firewall.Storage.Data;

/// <summary>The <c>event_counts</c> rollup, kept in step with <c>events</c> so stats never scan events.</summary>
internal sealed class EventCountConfiguration : IEntityTypeConfiguration<EventCount>
{
    public void Configure(EntityTypeBuilder<EventCount> builder)
    {
        builder.ToTable("event_counts");
        builder.HasKey(c => new { c.Minute, c.Severity }).HasName("pk_event_counts");
        builder.Property(c => c.Minute).HasColumnName("minute");
        builder.Property(c => c.Severity).HasColumnName("severity").HasConversion<short>();
        builder.Property(c => c.Count).HasColumnName("count");
    }
}
