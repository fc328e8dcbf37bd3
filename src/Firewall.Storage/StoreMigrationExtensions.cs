using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Firewall.Storage;

public static class StoreMigrationExtensions
{
    /// <summary>Applies the pending migrations of the configured provider (what <c>--migrate</c> runs) and logs which it applied.</summary>
    public static async Task MigrateFirewallStoreAsync(this IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreMigrationExtensions).FullName!);
        await using var db = await services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(PostgresConnectionDefaults.MaintenanceCommandTimeout);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (pending.Count == 0)
        {
            logger.LogInformation("The store's schema is already up to date; no migration applied");
        }
        else
        {
            logger.LogInformation("Applied {Count} migration(s) to the store: {Migrations}", pending.Count, string.Join(", ", pending));
        }
    }

    /// <summary>The migrations the store still lacks: a production start-up can refuse to run on an old schema.</summary>
    public static async Task<IReadOnlyList<string>> GetPendingFirewallMigrationsAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync(ct);
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }

    /// <summary>Fails when a migration is pending, naming the migrations and the fix: a start-up without MigrateOnStartup runs this.</summary>
    public static async Task EnsureFirewallStoreMigratedAsync(this IServiceProvider services, CancellationToken ct)
    {
        var pending = await services.GetPendingFirewallMigrationsAsync(ct);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The store lacks {pending.Count} migration(s): {string.Join(", ", pending)}. {StorageOptions.Section}:MigrateOnStartup is off " +
                "(the default on PostgreSQL), so the API does not change the schema itself: run the API with --migrate, as the migration Job does, " +
                "then start it again.");
        }
    }
}
