namespace Firewall.Bench.Load;

/// <summary>The sum of every client's tally over the measured time.</summary>
public sealed record LoadOutcome(
    double Seconds, long Requests, long Items, long Errors, LatencySummary Latency, double? HitRatio, IReadOnlyDictionary<int, long> Statuses)
{
    /// <summary>The .NET driver unless said otherwise.</summary>
    public const string DotNet = ".NET";

    /// <summary>Which load generator produced the figures: <see cref="DotNet"/> or <see cref="Wrk.Name"/>.</summary>
    public string Generator { get; init; } = DotNet;

    public double ItemsPerSecond => Seconds > 0 ? Items / Seconds : 0;

    public static LoadOutcome Sum(IReadOnlyCollection<LoadTally> tallies, double seconds)
    {
        var lookups = tallies.Sum(t => t.CacheLookups);
        var statuses = tallies.SelectMany(t => t.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new LoadOutcome(
            seconds,
            tallies.Sum(t => t.Requests),
            tallies.Sum(t => t.Items),
            tallies.Sum(t => t.Errors),
            LatencyRecorder.Summarise(tallies.Select(t => t.Latency)),
            lookups == 0 ? null : tallies.Sum(t => t.CacheHits) / (double)lookups,
            statuses);
    }
}
