namespace Firewall.Bench.Scenarios;

/// <summary>
/// The API stages a decomposition switches off, named as the API's <c>Firewall:Benchmark:Skip</c> reads them
/// (src/Firewall.Api/Benchmarking), and the variants of a scenario they make.
/// </summary>
public static class Stages
{
    public const string Classification = "classification";
    public const string Auth = "auth";
    public const string Commit = "commit";

    /// <summary>The environment that alone honours the switches.</summary>
    public const string Environment = "Benchmark";

    public static readonly IReadOnlyList<string> Ingest = [Classification, Auth, Commit];

    /// <summary>A cache hit neither classifies nor writes: only authentication can be switched off.</summary>
    public static readonly IReadOnlyList<string> Query = [Auth];

    /// <summary>Each stage off alone, in turn, then (with more than one) all of them off: what remains.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Variants(IReadOnlyList<string> stages) =>
        [.. stages.Select(stage => (IReadOnlyList<string>)[stage]), .. stages.Count > 1 ? [stages] : Array.Empty<IReadOnlyList<string>>()];

    /// <summary>"no classification, no auth", or "none" when every stage runs.</summary>
    public static string Label(IReadOnlyList<string> skipped) => skipped.Count == 0 ? "none" : string.Join(", ", skipped.Select(stage => $"no {stage}"));
}
