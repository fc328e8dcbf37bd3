using Firewall.Storage.Data;

namespace Firewall.Storage.Retention;

/// <summary>The oldest occurred_at retention keeps, and the rollup minute that goes with it: shared by both providers.</summary>
internal sealed record RetentionCutoff(DateTime OccurredAt, long Minute)
{
    public static RetentionCutoff Of(DateTimeOffset now, int days)
    {
        var cutoff = now.UtcDateTime.AddDays(-days);
        return new RetentionCutoff(cutoff, UnixMinutes.Of(cutoff));
    }
}
