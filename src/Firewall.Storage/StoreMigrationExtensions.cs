using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Storage;

public static class StoreMigrationExtensions
{
    /// <summary>Applies the pending migrations of the configured provider (what <c>--migrate</c> runs).</summary>
    public static async Task MigrateFirewallStoreAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The migrations the store still lacks: a production start-up can refuse to run on an old schema.</summary>
    public static async Task<IReadOnlyList<string>> GetPendingFirewallMigrationsAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync(ct);
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }
}
