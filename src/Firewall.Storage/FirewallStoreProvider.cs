using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage;

/// <summary>Provider set-up shared by the host and the design-time factories of the migrations projects.</summary>
public static class FirewallStoreProvider
{
    // Names, not references: the migrations projects reference this one.
    public const string SqliteMigrationsAssembly = "Firewall.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Firewall.Migrations.Postgres";

    /// <summary>Points the options at the store of <paramref name="provider"/> and its migrations assembly.</summary>
    public static DbContextOptionsBuilder UseFirewallStore(this DbContextOptionsBuilder builder, StoreProvider provider, string connectionString) =>
        provider switch
        {
            StoreProvider.Sqlite => builder.UseSqlite(
                SqliteConnection(connectionString),
                o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            // No EnableRetryOnFailure: it rejects user transactions, and the batch writer retries on its own terms.
            StoreProvider.Postgres => builder.UseNpgsql(
                connectionString,
                o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
        };

    // Microsoft.Data.Sqlite retries a locked database until DefaultTimeout (30 s unless the connection string says otherwise):
    // that is the busy timeout. WAL is switched on once at start-up (StoreHostedService).
    private static string SqliteConnection(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
}
