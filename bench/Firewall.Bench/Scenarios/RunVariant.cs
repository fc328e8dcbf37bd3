using Firewall.Bench.Load;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// How one run of a scenario differs from the usual one: API stages switched off, its load's timing, and work that
/// runs beside the load against the API under test (the profiler).
/// </summary>
public sealed record RunVariant(IReadOnlyList<string> Skipped, LoadTiming Timing, Func<ApiSession, Task>? Beside = null)
{
    public static RunVariant Usual(BenchContext context) => new([], context.Timing);

    /// <summary>Runs <paramref name="load"/> and, beside it, <see cref="Beside"/>; answers the load's outcome once both ended.</summary>
    public async Task<LoadOutcome> AlongsideAsync(ApiSession api, Task<LoadOutcome> load)
    {
        await Task.WhenAll(load, Beside?.Invoke(api) ?? Task.CompletedTask);
        return await load;
    }

    /// <summary>The scenario's name, with the stages switched off when there are any: "ingest-single (no auth)".</summary>
    public string NameOf(string scenario) => Skipped.Count == 0 ? scenario : $"{scenario} ({Stages.Label(Skipped)})";

    /// <summary>The result as a row of the decomposition when stages are off; unchanged otherwise.</summary>
    public ScenarioResult Mark(ScenarioResult result, string scenario) =>
        Skipped.Count == 0 ? result : result with { Name = NameOf(scenario), Decomposes = scenario, Skipped = Skipped };
}
