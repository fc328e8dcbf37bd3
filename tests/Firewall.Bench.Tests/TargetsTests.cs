using Firewall.Bench.Load;
using Firewall.Bench.Reports;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Tests;

public sealed class TargetsTests
{
    [Fact]
    public void Query_hit_is_divided_by_the_same_APIs_health_live()
    {
        var rated = Targets.WithRatios([Result("baseline-health-live", 20_000, p99: 8), Result("query-hit", 15_000, p99: 12)]);

        var hit = rated.Single(r => r.Name == "query-hit");
        Assert.Equal("baseline-health-live", hit.Baseline);
        Assert.Equal(0.75, hit.Ratio);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(16.5, false)]
    public void Query_hit_p99_is_judged_against_twice_the_health_live_p99(double hitP99, bool met)
    {
        var rated = Targets.WithRatios([Result("baseline-health-live", 20_000, p99: 8), Result("query-hit", 15_000, hitP99)]);

        var verdict = Targets.Check(rated).Single(v => v.Target.StartsWith("query-hit p99", StringComparison.Ordinal));
        Assert.Equal(met, verdict.Met);
    }

    [Fact]
    public void Query_hit_p99_without_its_baseline_is_not_measured()
    {
        var verdict = Targets.Check([Result("query-hit", 15_000, p99: 1)]).Single(v => v.Target.StartsWith("query-hit p99", StringComparison.Ordinal));

        Assert.Null(verdict.Met);
    }

    private static ScenarioResult Result(string name, double throughput, double p99) => ScenarioResult.From(
        name, name, "req/s", 64,
        new LoadOutcome(1, (long)throughput, (long)throughput, 0, new LatencySummary(p99 / 2, p99, p99), null, new Dictionary<int, long>()),
        peakRssBytes: null);
}
