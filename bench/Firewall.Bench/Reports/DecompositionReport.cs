using System.Text;
using Firewall.Bench.Scenarios;
using static Firewall.Bench.Reports.MarkdownReport;

namespace Firewall.Bench.Reports;

/// <summary>
/// The "Decomposition" section: each decomposed scenario's usual run, then its runs with API stages off, each as a ratio
/// to the usual run; and the profile of what remains.
/// </summary>
public static class DecompositionReport
{
    private const int InclusiveShown = 20;
    private const int ExclusiveShown = 10;

    public static void Render(StringBuilder text, BenchReport report)
    {
        var variants = report.Results.Where(r => r.Decomposes is not null).ToList();
        if (variants.Count == 0)
        {
            return;
        }

        Line(text, $"");
        Line(text, $"## Decomposition (issue 12)");
        Line(text, $"");
        Line(text, $"Each scenario again with API stages switched off (`Firewall:Benchmark:Skip`, Benchmark environment only: bench/README.md), as a ratio to its usual run. 'share' is 1 − 1/ratio: the part of the usual time per item the switched-off stages took.");
        Line(text, $"");
        Line(text, $"| scenario | stages off | generator | throughput | p50 | p99 | errors | ratio to usual | share |");
        Line(text, $"|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in variants.GroupBy(v => v.Decomposes!))
        {
            if (report.Results.FirstOrDefault(r => r.Name == group.Key) is { } usual)
            {
                Row(text, usual, group.Key, "none", ratio: "1.00×", share: "–");
            }

            foreach (var v in group)
            {
                var ratio = v.Ratio is { } x ? F($"{x:0.00}×") : "–";
                var share = v.Ratio is > 0 and var r ? F($"{1 - (1 / r):P0}") : "–";
                Row(text, v, group.Key, Stages.Label(v.Skipped ?? []), ratio, share);
            }
        }

        foreach (var profile in report.Profiles ?? [])
        {
            Line(text, $"");
            Line(text, $"### Profile of what remains: {profile.Variant}");
            Line(text, $"");
            if (profile.Note is not null)
            {
                Line(text, $"Not profiled: {profile.Note}.");
                continue;
            }

            Line(text, $"`dotnet-trace collect --profile dotnet-sampled-thread-time` on the API process: {profile.BusySamples:N0} busy thread samples ({profile.IdleSamples:N0} waiting, left out); trace `{Path.GetFileName(profile.TraceFile)}`.");
            Line(text, $"");
            Line(text, $"| top of the stack (exclusive) | share | reached from |");
            Line(text, $"|---|---:|---|");
            foreach (var frame in profile.Exclusive.Take(ExclusiveShown))
            {
                Line(text, $"| `{frame.Frame}` | {frame.Share:P1} | {(frame.Via is { } via ? $"`{via}`" : "–")} |");
            }

            Line(text, $"");
            Line(text, $"| frame, anywhere on the stack (inclusive; thread pool, async and middleware plumbing left out) | share |");
            Line(text, $"|---|---:|");
            foreach (var frame in profile.Inclusive.Take(InclusiveShown))
            {
                Line(text, $"| `{frame.Frame}` | {frame.Share:P1} |");
            }
        }
    }

    // a cache hit's variants compare only at the same hit ratio: an open Redis breaker (BYPASS) under load shows here
    private static void Row(StringBuilder text, ScenarioResult r, string scenario, string stages, string ratio, string share) =>
        Line(text, $"| {scenario} | {stages}{(r.HitRatio is { } h ? F($" (hits {h:P0})") : "")} | {r.Generator} | {r.Throughput:N0} {r.Unit} | {r.P50Ms:0.00} ms | {r.P99Ms:0.00} ms | {r.Errors} | {ratio} | {share} |");
}
