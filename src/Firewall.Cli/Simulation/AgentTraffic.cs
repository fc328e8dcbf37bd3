using System.Diagnostics;
using Firewall.Bench.Load;
using Firewall.Core.Events;

namespace Firewall.Cli.Simulation;

/// <summary>
/// Plays the plan: each agent (its own <see cref="EventMix"/>, so its own agentId and its own retries of earlier
/// eventIds) posts on its own schedule, offset from the others so requests spread evenly. An agent that fell behind
/// (a slow answer, a Retry-After) starts its schedule again rather than bursting to catch up.
/// </summary>
internal static class AgentTraffic
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs until the plan's duration or <paramref name="interrupt"/> (Ctrl+C); requests in flight finish and count.</summary>
    public static async Task<(TrafficTally Tally, TimeSpan Elapsed)> RunAsync(TrafficPlan plan, AgentToken token, ProgressLine progress, CancellationToken interrupt)
    {
        using var http = HttpLoad.Client(plan.BaseAddress, plan.Agents, bearer: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        stop.CancelAfter(plan.Duration);
        var tally = new TrafficTally();
        var poster = new IngestPoster(http, token, tally);
        var watch = Stopwatch.StartNew();
        var agents = Task.WhenAll(Enumerable.Range(0, plan.Agents).Select(agent => Task.Run(async () =>
        {
            try
            {
                await RunAgentAsync(agent, plan, poster, watch, stop.Token);
            }
            catch (TokenRefusedException)
            {
                await stop.CancelAsync(); // every other agent would be refused too
                throw;
            }
        })));

        var (shownAt, shownSent) = (TimeSpan.Zero, 0L);
        while (await Task.WhenAny(agents, Task.Delay(ProgressEvery, CancellationToken.None)) != agents)
        {
            var (now, sent) = (watch.Elapsed, tally.Sent);
            progress.Show(tally.Progress(now, plan.Duration, (sent - shownSent) / (now - shownAt).TotalSeconds));
            (shownAt, shownSent) = (now, sent);
        }

        progress.Done();
        await agents;
        return (tally, watch.Elapsed);
    }

    private static async Task RunAgentAsync(int agent, TrafficPlan plan, IngestPoster poster, Stopwatch watch, CancellationToken stop)
    {
        var mix = new EventMix(seed: agent + 1);
        var interval = plan.Interval;
        var due = interval * agent / plan.Agents;
        while (true)
        {
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            var now = DateTimeOffset.UtcNow;
            var events = new EventInput[plan.Batch];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = mix.Next(now);
            }

            await poster.PostAsync(events, stop);
            due += interval;
            if (due < watch.Elapsed - interval)
            {
                due = watch.Elapsed;
            }
        }
    }
}
