using System.Text.Json;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;
using YamlDotNet.RepresentationModel;

namespace Firewall.Api.Tests;

/// <summary>The alerts and the dashboard read only series this service really exports (promtool is not here to check them).</summary>
[Collection(MetricsCollection.Name)]
public sealed class MonitoringTests(TightQueryLimitFactory factory) : IClassFixture<TightQueryLimitFactory>
{
    [Fact]
    public async Task EveryMetricTheAlertsReadIsOnMetricsAfterTraffic()
    {
        var exported = await ExportedAfterTrafficAsync();

        var read = AlertExpressions().SelectMany(PromQl.MetricNames).ToHashSet();

        Assert.NotEmpty(read);
        Assert.Empty(read.Except(exported));
    }

    [Fact]
    public async Task EveryMetricTheDashboardReadsIsOnMetricsAfterTraffic()
    {
        var exported = await ExportedAfterTrafficAsync();

        var read = DashboardExpressions().SelectMany(PromQl.MetricNames).ToHashSet();

        Assert.True(read.Count >= 10, string.Join(", ", read));
        Assert.Empty(read.Except(exported));
    }

    [Fact]
    public void TheNameExtractionFindsMetricsButNotLabelsFunctionsOrDurations() =>
        Assert.Equal(["a_total", "b_bucket"], PromQl.MetricNames(
            "sum by (pod) (rate(a_total{job=\"x\", c=~\"5..\"}[5m])) / histogram_quantile(0.99, sum by (le) (rate(b_bucket[1h]))) > 0.5").Order());

    private async Task<IReadOnlySet<string>> ExportedAfterTrafficAsync() => (await factory.ScrapeAfterTrafficAsync()).Names;

    private static IEnumerable<string> AlertExpressions()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryRoot.File("k8s", "base", "prometheusrule.yaml"))));
        var groups = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["spec"])["groups"];
        return groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>())
            .Select(rule => ((YamlScalarNode)rule["expr"]).Value!);
    }

    private static IEnumerable<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("k8s", "base", "firewall-dashboard.json")));
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)];
    }
}
