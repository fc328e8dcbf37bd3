using System.Globalization;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Reports;

/// <summary>The ratios each scenario is judged by, and the targets of issue 4 checked against one run's results.</summary>
public static class Targets
{
    private const double MaxRssMiB = 300;

    /// <summary>Which baseline each result is divided by.</summary>
    public static string? BaselineOf(string name) => name switch
    {
        "ingest-single" => "baseline-insert-per-tx",
        _ when name.StartsWith("ingest-batch-", StringComparison.Ordinal) && name.EndsWith("-postgres", StringComparison.Ordinal) => "baseline-copy-staging",
        "baseline-copy-staging" => "baseline-copy",
        "query-hit" => "baseline-health-live",
        "query-miss" => "baseline-kestrel-get",
        _ => null,
    };

    /// <summary>Each result divided by its baseline; a row of the decomposition by its scenario's usual run.</summary>
    public static List<ScenarioResult> WithRatios(IReadOnlyList<ScenarioResult> results) =>
    [
        .. results.Select(result => (result.Decomposes ?? BaselineOf(result.Name)) is { } baseline && results.FirstOrDefault(r => r.Name == baseline) is { Throughput: > 0 } measured
            ? result with { Baseline = baseline, Ratio = result.Throughput / measured.Throughput }
            : result),
    ];

    public sealed record Verdict(string Target, string Measured, bool? Met);

    public static List<Verdict> Check(IReadOnlyList<ScenarioResult> results)
    {
        ScenarioResult? Find(string name) => results.FirstOrDefault(r => r.Name == name);
        static string Ratio(ScenarioResult? r) => r?.Ratio is { } ratio ? F($"{ratio:0.00}×") : "not measured";

        var batch = Find("ingest-batch-1000-postgres");
        var single = Find("ingest-single");
        var hit = Find("query-hit");
        var live = Find("baseline-health-live");
        var p99Ratio = hit is not null && live is { P99Ms: > 0 } ? hit.P99Ms / live.P99Ms : (double?)null;
        var miss = Find("query-miss");
        var stats = Find("stats-24h");
        var servers = results.Where(r => r.PeakRssMiB is not null && !r.Name.StartsWith("baseline-", StringComparison.Ordinal)).ToList();
        var maxRss = servers.Count == 0 ? (double?)null : servers.Max(r => r.PeakRssMiB!.Value);
        return
        [
            new("ingest-batch (1000/request, PostgreSQL) ≥ 0.60 × COPY-to-staging-with-ON-CONFLICT", Ratio(batch), batch?.Ratio >= 0.6 ? true : batch?.Ratio is null ? null : false),
            new("ingest-single (64 agents, PostgreSQL) ≥ 2 × one-INSERT-per-transaction", Ratio(single), single?.Ratio >= 2 ? true : single?.Ratio is null ? null : false),
            new("query-hit ≥ 0.50 × the same API's /health/live req/s", Ratio(hit), hit?.Ratio >= 0.5 ? true : hit?.Ratio is null ? null : false),
            new("query-hit p99 ≤ 2 × the same API's /health/live p99",
                p99Ratio is { } x ? F($"p99 {hit!.P99Ms:0.0} ms = {x:0.00}× {live!.P99Ms:0.0} ms") : "not measured", p99Ratio is null ? null : p99Ratio <= 2),
            new("query-miss p99 ≤ 5 ms (any severity set and window, first or deep page)", Ms(miss), miss is null ? null : miss.P99Ms <= 5),
            new("stats for 24 h ≤ 10 ms (p99)", Ms(stats), stats is null ? null : stats.P99Ms <= 10),
            new("API peak RSS ≤ 300 MiB in every scenario", maxRss is null ? "not measured" : F($"max {maxRss:0} MiB"), maxRss is null ? null : maxRss <= MaxRssMiB),
        ];
    }

    private static string Ms(ScenarioResult? result) => result is null ? "not measured" : F($"p99 {result.P99Ms:0.0} ms");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
