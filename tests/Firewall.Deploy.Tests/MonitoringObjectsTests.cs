using System.Text.RegularExpressions;
using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>Prometheus scrapes the API's /metrics, and every alert points at a runbook section that exists.</summary>
public sealed partial class MonitoringObjectsTests
{
    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void TheServiceMonitorScrapesMetricsOnTheApiService(string overlay)
    {
        var rendered = Overlay.Render(overlay);
        var monitor = rendered.Get("ServiceMonitor", "firewall")["spec"]!;
        var service = rendered.Get("Service", "firewall");

        Assert.True(RolloutTests.Selects(monitor["selector"]!["matchLabels"]!, service["metadata"]!["labels"]!.AsObject()));
        var endpoint = Assert.Single(monitor["endpoints"]!.AsArray())!;
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        Assert.Equal((string?)service["spec"]!["ports"]![0]!["name"], (string?)endpoint["port"]);
    }

    [Fact]
    public void EveryAlertHasARunbookSectionInTheOperationsGuide()
    {
        var anchors = Heading().Matches(File.ReadAllText(RepositoryRoot.File("docs", "operations.md")))
            .Select(m => Regex.Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), @"[^a-z0-9 -]", "").Replace(' ', '-')).ToHashSet();
        var alerts = Overlay.Render("prod").Get("PrometheusRule", "firewall")["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).ToList();

        Assert.Equal(7, alerts.Count);
        Assert.All(alerts, alert =>
        {
            var runbook = (string?)alert!["annotations"]!["runbook_url"];
            Assert.StartsWith("docs/operations.md#", runbook, StringComparison.Ordinal);
            Assert.Contains(runbook!.Split('#')[1], anchors);
            Assert.Equal(((string)alert["alert"]!).ToLowerInvariant(), runbook.Split('#')[1]);
        });
    }

    [Fact]
    public void TheDashboardShipsAsAConfigMapForGrafanasSidecar()
    {
        var dashboard = Overlay.Render("prod").Get("ConfigMap", "firewall-dashboard");

        Assert.Equal("1", (string?)dashboard["metadata"]!["labels"]!["grafana_dashboard"]);
        Assert.Contains("firewall-dashboard.json", dashboard["data"]!.AsObject().Select(p => p.Key));
    }

    [GeneratedRegex(@"^#{2,4} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
