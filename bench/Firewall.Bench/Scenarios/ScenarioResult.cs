namespace Firewall.Bench.Scenarios;

/// <summary>One row of the results: what was measured, how fast, how slow at the tail, how much memory the server took.</summary>
public sealed record ScenarioResult
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Unit { get; init; }
    public required double Throughput { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public double? PeakRssMiB { get; init; }
    public required long Requests { get; init; }
    public required long Items { get; init; }
    public required long Errors { get; init; }
    public required int Concurrency { get; init; }
    public double? HitRatio { get; init; }
    public string? Baseline { get; init; }
    public double? Ratio { get; init; }
    public IReadOnlyDictionary<string, long> Statuses { get; init; } = new Dictionary<string, long>();

    /// <summary>For a row of the decomposition: the scenario this is a variant of, and the API stages it switched off.</summary>
    public string? Decomposes { get; init; }
    public IReadOnlyList<string>? Skipped { get; init; }

    /// <summary>The load generator that produced the figures (wrk or .NET).</summary>
    public string Generator { get; init; } = Load.LoadOutcome.DotNet;

    public static ScenarioResult From(string name, string description, string unit, int concurrency, Load.LoadOutcome outcome, long? peakRssBytes) => new()
    {
        Name = name,
        Description = description,
        Unit = unit,
        Throughput = outcome.ItemsPerSecond,
        P50Ms = outcome.Latency.P50Ms,
        P99Ms = outcome.Latency.P99Ms,
        PeakRssMiB = peakRssBytes is > 0 ? peakRssBytes.Value / (1024.0 * 1024.0) : null,
        Requests = outcome.Requests,
        Items = outcome.Items,
        Errors = outcome.Errors,
        Concurrency = concurrency,
        HitRatio = outcome.HitRatio,
        Generator = outcome.Generator,
        Statuses = outcome.Statuses.ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
    };
}
