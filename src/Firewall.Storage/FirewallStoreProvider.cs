using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Firewall.Storage;

/// <summary>Provider set-up shared by the host and the design-time factories of the migrations projects.</summary>
public static class FirewallStoreProvider
{
    // Names, not references: the migrations projects reference this one.
    public const string SqliteMigrationsAssembly = "Firewall.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Firewall.Migrations.Postgres";

    /// <summary>Points the options at the store of <paramref name="provider"/> and its migrations assembly.</summary>
    public static DbContextOptionsBuilder UseFirewallStore(this DbContextOptionsBuilder builder, StoreProvider provider, string connectionString) =>
        QuietFailures(builder).UseProvider(provider, connectionString);

    /// <summary>
    /// EF logs a failed command at Error with its SQL, then throws: the exception reaches the one place that logs its cause
    /// (the batch writer, the problem handler, start-up), and an expected probe (the migrations history table on a fresh
    /// database) is no error at all. So these lines are Debug: no SQL at Error, no second line per failure.
    /// </summary>
    private static DbContextOptionsBuilder QuietFailures(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    private static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder builder, StoreProvider provider, string connectionString) =>
        provider switch
        {
            StoreProvider.Sqlite => builder.UseSqlite(
                SqliteConnection(connectionString),
                o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            // No EnableRetryOnFailure: it rejects user transactions, and the batch writer retries on its own terms.
            StoreProvider.Postgres => builder.UseNpgsql(
                PostgresConnectionDefaults.Apply(connectionString),
                o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
        };

    /// <summary>
    /// Microsoft.Data.Sqlite retries a locked database until DefaultTimeout, the busy timeout: 30 s of its own, 5 s here
    /// unless the connection string sets one, so a writer stuck behind another process's lock fails in bounded time.
    /// </summary>
    public const int SqliteBusySeconds = 5;

    // WAL is switched on once at start-up (StoreHostedService).
    private static string SqliteConnection(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (!ConnectionStringKeywords.Given(connectionString).Overlaps(["defaulttimeout", "commandtimeout"]))
        {
            builder.DefaultTimeout = SqliteBusySeconds;
        }

        return builder.ToString();
    }
}
