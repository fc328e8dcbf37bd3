using System.Diagnostics;

namespace Firewall.Bench.Load;

/// <summary>How long to warm up (JIT, pools, caches; not counted) and how long to measure.</summary>
public sealed record LoadTiming(TimeSpan Warmup, TimeSpan Duration);

/// <summary>
/// Runs one task per virtual client, each calling <c>step</c> back to back, first to warm up, then measured, and shows
/// progress. No new step starts after the measured time, and the ones in flight finish and count, over the time they
/// took: cancelling them would throw away work the server did. The step records its own latency so it can time
/// exactly the call it makes (a request, a COPY, an INSERT).
/// </summary>
public static class LoadDriver
{
    public delegate Task Step(int client, LoadTally tally, CancellationToken cancellationToken);

    public static async Task<LoadOutcome> RunAsync(string name, int clients, LoadTiming timing, Step step, ProgressLine progress)
    {
        if (timing.Warmup > TimeSpan.Zero)
        {
            await PhaseAsync($"{name} (warm-up)", clients, timing.Warmup, step, progress);
        }

        return await PhaseAsync(name, clients, timing.Duration, step, progress);
    }

    private static async Task<LoadOutcome> PhaseAsync(string name, int clients, TimeSpan duration, Step step, ProgressLine progress)
    {
        var tallies = Enumerable.Range(0, clients).Select(_ => new LoadTally()).ToArray();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                await step(client, tallies[client], CancellationToken.None);
            }
        })).ToArray();

        var all = Task.WhenAll(workers);
        while (await Task.WhenAny(all, Task.Delay(500)) != all)
        {
            progress.Show(name, watch.Elapsed, duration, tallies.Sum(t => t.Items), tallies.Sum(t => t.Errors));
        }

        await all;
        progress.Done();
        return LoadOutcome.Sum(tallies, watch.Elapsed.TotalSeconds);
    }
}
