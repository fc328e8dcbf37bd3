using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>/metrics shows Firewall's own meters moving when events are ingested and queried (issue 5, acceptance).</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(TightQueryLimitFactory factory) : IClassFixture<TightQueryLimitFactory>
{
    [Fact]
    public async Task AfterAnIngestAndQueriesEveryFirewallMeterHasMoved()
    {
        var metrics = await factory.ScrapeAfterTrafficAsync();

        Assert.True(metrics.Sum("firewall_events_ingested_total", "type=\"prompt_injection\"", "outcome=\"created\"") >= 1);
        Assert.True(metrics.Sum("firewall_store_batch_size_count") >= 1);
        Assert.True(metrics.Sum("firewall_store_commit_duration_seconds_count", "result=\"ok\"") >= 1);
        Assert.True(metrics.Sum("firewall_classification_duration_seconds_count") >= 1);
        Assert.True(metrics.Sum("firewall_cache_requests_total", "result=\"miss\"") >= 1);
        Assert.True(metrics.Sum("firewall_cache_requests_total", "result=\"hit\"") >= 1);
        Assert.True(metrics.Sum("firewall_cache_invalidations_total") >= 1);
        Assert.True(metrics.Sum("firewall_ratelimit_rejections_total", "policy=\"query\"") >= 1);
        Assert.Contains("firewall_store_queue_depth", metrics.Names);
        Assert.Equal(20_000, metrics.Sum("firewall_store_queue_capacity"));
        Assert.Equal(1, metrics.Sum("firewall_health_healthy", "check=\"store\""));
    }
}
