using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Data;

/// <summary>The event store. Public for migrations, design-time factories and health checks; its entities stay internal.</summary>
public sealed class FirewallDbContext(DbContextOptions<FirewallDbContext> options) : DbContext(options)
{
    internal DbSet<EventRecord> Events => Set<EventRecord>();

    internal DbSet<EventCount> EventCounts => Set<EventCount>();

    internal DbSet<HourlyEventCount> HourlyEventCounts => Set<HourlyEventCount>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            .ApplyConfiguration(new EventRecordConfiguration())
            .ApplyConfiguration(new EventCountConfiguration())
            .ApplyConfiguration(new HourlyEventCountConfiguration());
}
