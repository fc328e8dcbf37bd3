using Firewall.Bench.Load;
using Firewall.Bench.Profiling;
using Firewall.Bench.Reports;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Tests;

public sealed class DecompositionTests
{
    [Fact]
    public void Each_stage_is_switched_off_alone_then_all_together()
    {
        var variants = Stages.Variants(Stages.Ingest);

        Assert.Equal([["classification"], ["auth"], ["commit"], ["classification", "auth", "commit"]], variants);
    }

    [Fact]
    public void A_single_stage_makes_a_single_variant() => Assert.Equal([["auth"]], Stages.Variants(Stages.Query));

    [Fact]
    public void A_variant_is_divided_by_its_scenarios_usual_run_not_by_the_scenarios_baseline()
    {
        var variant = new RunVariant(["commit"], new LoadTiming(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        var rated = Targets.WithRatios(
        [
            Result("baseline-insert-per-tx", 4_000),
            Result("ingest-single", 2_000),
            variant.Mark(Result("ingest-single", 5_000), "ingest-single"),
        ]);

        var row = rated.Single(r => r.Decomposes is not null);
        Assert.Equal("ingest-single (no commit)", row.Name);
        Assert.Equal("ingest-single", row.Baseline);
        Assert.Equal(2.5, row.Ratio);
        Assert.Equal(0.5, rated.Single(r => r.Name == "ingest-single").Ratio);
    }

    [Fact]
    public void The_report_keeps_variants_out_of_the_main_table_and_shows_them_with_their_share()
    {
        var variant = new RunVariant(["classification"], new LoadTiming(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        var rated = Targets.WithRatios([Result("ingest-single", 1_000), variant.Mark(Result("ingest-single", 4_000), "ingest-single")]);
        var report = new BenchReport(new Machine(2, "cpu", 1, "abc", DateTimeOffset.UnixEpoch), "bench decompose", 1, 1, 0, rated, [],
            [StackProfile.Unavailable("ingest-single (no classification)", "dotnet-trace is not installed")]);

        var markdown = MarkdownReport.Render(report);

        var decomposition = markdown[markdown.IndexOf("## Decomposition", StringComparison.Ordinal)..];
        Assert.DoesNotContain("ingest-single (no classification) |", markdown[..markdown.IndexOf("## Decomposition", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("| ingest-single | no classification | .NET | 4,000 events/s |", decomposition, StringComparison.Ordinal);
        Assert.Contains("| 4.00× | 75 % |", decomposition, StringComparison.Ordinal);
        Assert.Contains("Not profiled: dotnet-trace is not installed.", decomposition, StringComparison.Ordinal);
    }

    private static ScenarioResult Result(string name, double throughput) => ScenarioResult.From(
        name, name, "events/s", 64,
        new LoadOutcome(1, (long)throughput, (long)throughput, 0, new LatencySummary(1, 2, 3), null, new Dictionary<int, long>()),
        peakRssBytes: null);
}
