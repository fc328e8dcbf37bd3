using System.Globalization;
using Npgsql;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Firewall.Storage.Retention;

/// <summary>
/// Creates the daily partitions of <c>events</c> ahead (yesterday to a week ahead), then drops whole partitions older than
/// the retention window and trims event_ids, event_counts and the default partition to it, in one transaction; then
/// trims event_counts_hourly.
/// The SQL functions live in the PostgreSQL migration (docs/adr/003-partitions-and-idempotency.md).
/// </summary>
internal sealed class PostgresMaintenance(
    IDbContextFactory<FirewallDbContext> factory, IOptions<RetentionOptions> options, ILogger<PostgresMaintenance> logger) : IStoreMaintenance
{
    public const int DaysBehind = 1;
    public const int DaysAhead = 7;

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(PostgresConnectionDefaults.MaintenanceCommandTimeout);

        var created = 0;
        for (var day = today.AddDays(-DaysBehind); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            created += await db.Database.SqlQuery<int>($"SELECT ensure_events_partition({day})::int AS \"Value\"").SingleAsync(cancellationToken);
        }

        await VacuumAsync(db, today.AddDays(-DaysBehind), cancellationToken);
        var cutoff = RetentionCutoff.Of(now, options.Value.Days);
        var dropped = await db.Database
            .SqlQuery<int>($"SELECT apply_events_retention({cutoff.OccurredAt}, {cutoff.Minute}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        await cutoff.TrimHourlyCountsAsync(db, cancellationToken);
        logger.LogInformation("Store maintenance: {Created} partitions created ahead, {Dropped} dropped before {Cutoff:O}", created, dropped, cutoff.OccurredAt);
    }

    /// <summary>
    /// Vacuums a day's partition once it no longer receives the day's traffic, so its visibility map is set and pages read
    /// from the covering index never visit its heap (index-only scans). Autovacuum's insert threshold (20 % of the table)
    /// leaves up to a fifth of a sealed day unmarked; a pass over a vacuumed partition skips its all-visible pages. A day
    /// without a partition (or whose partition another replica's retention just dropped) has nothing to vacuum.
    /// </summary>
    private static async Task VacuumAsync(FirewallDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        // An identifier cannot be a parameter; the name is built from the date's digits, nothing a caller supplies.
        var sql = string.Create(CultureInfo.InvariantCulture, $"VACUUM (ANALYZE) events_p{day:yyyyMMdd}");
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
        }
    }
}
