namespace Firewall.Api.Benchmarking;

/// <summary>Where the stage switches are configured, the only environment that honours them, and how their value is read.</summary>
public static class BenchmarkStages
{
    public const string SkipKey = "Firewall:Benchmark:Skip";
    public const string Environment = "Benchmark";

    /// <summary>The stages named in a comma-separated list, any case; throws naming the setting on an unknown name.</summary>
    public static SkippedStages Parse(string? value)
    {
        var skipped = SkippedStages.None;
        foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            skipped |= Enum.TryParse<SkippedStages>(name, ignoreCase: true, out var stage) && stage != SkippedStages.None && Enum.IsDefined(stage)
                ? stage
                : throw new InvalidOperationException(
                    $"{SkipKey} names '{name}'; the stages a benchmark may switch off are classification, auth and commit.");
        }

        return skipped;
    }
}
