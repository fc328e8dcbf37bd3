using System.Globalization;
using System.Text;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Reports;

/// <summary>RESULTS.md: machine, commit, command, the table with ratios, the targets met or not, and the decomposition when run.</summary>
public static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var text = new StringBuilder();
        var m = report.Machine;
        Line(text, $"# Benchmark results");
        Line(text, $"");
        Line(text, $"Written by `firewall bench` at {m.At:yyyy-MM-dd HH:mm} UTC. Do not edit by hand: rerun the command below.");
        Line(text, $"");
        Line(text, $"- **Machine:** {m.Cores} cores ({m.CpuModel}), {m.MemoryGiB:0.0} GiB RAM, shared by the load generator, the API, PostgreSQL and Redis");
        Line(text, $"- **Commit:** `{m.Commit}`");
        Line(text, $"- **Command:** `{report.Command}`");
        Line(text, $"- **Settings:** {report.DurationSeconds:0} s per scenario, {report.Concurrency} concurrent clients, {report.QueryRows:N0} stored events for the query scenarios");
        Line(text, $"");
        Line(text, $"| scenario | what | generator | clients | throughput | p50 | p99 | peak RSS | errors | baseline | ratio |");
        Line(text, $"|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in report.Results.Where(r => r.Decomposes is null))
        {
            var rss = r.PeakRssMiB is { } mib ? F($"{mib:0} MiB") : "–";
            var ratio = r.Ratio is { } x ? F($"{x:0.00}×") : "–";
            var hit = r.HitRatio is { } h && !r.Name.StartsWith("baseline-", StringComparison.Ordinal) ? F($" (hits {h:P0})") : "";
            Line(text, $"| {r.Name} | {r.Description}{hit} | {r.Generator} | {r.Concurrency} | {r.Throughput:N0} {r.Unit} | {r.P50Ms:0.00} ms | {r.P99Ms:0.00} ms | {rss} | {r.Errors} | {r.Baseline ?? "–"} | {ratio} |");
        }

        Line(text, $"");
        Line(text, $"## Targets (issue 12)");
        Line(text, $"");
        Line(text, $"| target | measured | met |");
        Line(text, $"|---|---|---|");
        foreach (var v in report.Targets)
        {
            Line(text, $"| {v.Target} | {v.Measured} | {(v.Met switch { true => "met", false => "**not met**", null => "not measured" })} |");
        }

        DecompositionReport.Render(text, report);
        return text.ToString();
    }

    internal static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    internal static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
