namespace Firewall.Bench.Load;

/// <summary>What one virtual client saw; owned by that client, summed at the end.</summary>
public sealed class LoadTally
{
    public LatencyRecorder Latency { get; } = new();
    public long Requests { get; set; }

    /// <summary>Units of work that succeeded: events stored, rows written, queries answered.</summary>
    public long Items { get; set; }

    public long Errors { get; set; }
    public long CacheHits { get; set; }
    public long CacheLookups { get; set; }
    public Dictionary<int, long> Statuses { get; } = [];

    public void CountStatus(int status) => Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
}
