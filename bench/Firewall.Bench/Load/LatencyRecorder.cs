using HdrHistogram;

namespace Firewall.Bench.Load;

/// <summary>
/// Latencies in microseconds, one HdrHistogram per virtual client so the hot path takes no lock; merged at the end.
/// </summary>
public sealed class LatencyRecorder
{
    private const long MaxMicroseconds = 60_000_000;
    private readonly LongHistogram _histogram = new(MaxMicroseconds, 3);

    public void Record(long startTimestamp, long endTimestamp)
    {
        var micros = (long)((endTimestamp - startTimestamp) * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency);
        _histogram.RecordValue(Math.Clamp(micros, 1, MaxMicroseconds));
    }

    public long Count => _histogram.TotalCount;

    public static LatencySummary Summarise(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LongHistogram(MaxMicroseconds, 3);
        foreach (var recorder in recorders)
        {
            merged.Add(recorder._histogram);
        }

        return merged.TotalCount == 0
            ? new LatencySummary(0, 0, 0)
            : new LatencySummary(merged.GetValueAtPercentile(50) / 1000.0, merged.GetValueAtPercentile(99) / 1000.0, merged.GetMaxValue() / 1000.0);
    }
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(double P50Ms, double P99Ms, double MaxMs);
