using System.ComponentModel.DataAnnotations;

namespace Firewall.Storage.Retention;

/// <summary>Configuration section <c>Firewall:Retention</c>: how long events are kept, and how often the store is maintained.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Firewall:Retention";

    /// <summary>Events whose occurred_at is older than this many days are removed (whole partitions on PostgreSQL).</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>How often partitions are created ahead and retention runs; it also runs at start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most rows one SQLite delete transaction removes, so the writer never waits long for the lock.</summary>
    [Range(1, 100_000)]
    public int DeleteBatch { get; set; } = 5_000;
}
