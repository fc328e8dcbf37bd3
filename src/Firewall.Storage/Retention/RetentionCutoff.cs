using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Retention;

/// <summary>The oldest occurred_at retention keeps, and the rollup minute that goes with it: shared by both providers.</summary>
internal sealed record RetentionCutoff(DateTime OccurredAt, long Minute)
{
    public static RetentionCutoff Of(DateTimeOffset now, int days)
    {
        var cutoff = now.UtcDateTime.AddDays(-days);
        return new RetentionCutoff(cutoff, UnixMinutes.Of(cutoff));
    }

    /// <summary>
    /// Drops the hourly rollup's hours that end at or before the cutoff minute. The hour the cutoff falls in keeps its
    /// count until it has passed entirely (hourly stats may count up to an hour of events retention already removed).
    /// </summary>
    public Task<int> TrimHourlyCountsAsync(FirewallDbContext db, CancellationToken cancellationToken)
    {
        var hour = Minute / UnixMinutes.PerHour;
        return db.HourlyEventCounts.Where(c => c.Hour < hour).ExecuteDeleteAsync(cancellationToken);
    }
}
