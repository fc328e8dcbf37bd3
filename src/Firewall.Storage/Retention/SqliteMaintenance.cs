using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Firewall.Storage.Retention;

/// <summary>
/// Deletes events older than the retention window in transactions of at most <see cref="RetentionOptions.DeleteBatch"/>
/// rows (each takes the write lock briefly, so the batch writer slips in between), then trims the rollups.
/// </summary>
internal sealed class SqliteMaintenance(
    IDbContextFactory<FirewallDbContext> factory, IOptions<RetentionOptions> options, ILogger<SqliteMaintenance> logger) : IStoreMaintenance
{
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var cutoff = RetentionCutoff.Of(now, retention.Days);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var deleted = 0;
        int batch;
        do
        {
            batch = await db.Events
                .Where(e => db.Events.Where(o => o.OccurredAt < cutoff.OccurredAt).OrderBy(o => o.Id).Take(retention.DeleteBatch).Select(o => o.Id).Contains(e.Id))
                .ExecuteDeleteAsync(cancellationToken);
            deleted += batch;
        }
        while (batch == retention.DeleteBatch);

        await db.EventCounts.Where(c => c.Minute < cutoff.Minute).ExecuteDeleteAsync(cancellationToken);
        await cutoff.TrimHourlyCountsAsync(db, cancellationToken);
        logger.LogInformation("Store maintenance: {Deleted} events deleted before {Cutoff:O}", deleted, cutoff.OccurredAt);
    }
}
