using Firewall.Bench.Profiling;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// Issue 12's decomposition of a scenario: run again with each API stage switched off in turn, then with all of them off
/// (what remains), each row divided by the scenario's usual run; then what remains once more, profiled.
/// </summary>
public static class Decomposition
{
    /// <summary>The scenario name that asks for it.</summary>
    public const string Name = "decompose";

    /// <summary>
    /// The variants' results. The profile run is not one of them (the profiler slows the API); its summary goes to
    /// <see cref="BenchContext.Profiles"/>.
    /// </summary>
    public static async Task<List<ScenarioResult>> RunAsync(
        BenchContext context, string scenario, IReadOnlyList<string> stages, Func<RunVariant, Task<ScenarioResult>> run)
    {
        if (context.Options.Url is not null)
        {
            throw new InvalidOperationException("decompose starts APIs with stages switched off; run it without --url.");
        }

        var rows = new List<ScenarioResult>();
        foreach (var skipped in Stages.Variants(stages))
        {
            rows.Add(await run(new RunVariant(skipped, context.Timing)));
        }

        if (context.Options.Profile)
        {
            var profiled = new RunVariant(stages, context.Timing with { Duration = context.Timing.Duration + StackProfiler.Slack });
            await run(profiled with
            {
                Beside = async api => context.Profiles.Add(await StackProfiler.TraceAsync(context, api, profiled.NameOf(scenario))),
            });
        }

        return rows;
    }
}
