using System.Net;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>/metrics shows Firewall's own meters moving when events are ingested and queried (issue 5, acceptance).</summary>
public sealed class MetricsTests(MetricsTests.TightQueryLimitFactory factory) : IClassFixture<MetricsTests.TightQueryLimitFactory>
{
    /// <summary>A query bucket of two, so the third quick query is a 429.</summary>
    public sealed class TightQueryLimitFactory : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Firewall:RateLimits:Query:Burst", "2"), new("Firewall:RateLimits:Query:RequestsPerSecond", "1")];
    }

    [Fact]
    public async Task AfterAnIngestAndQueriesEveryFirewallMeterHasMoved()
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Agent().PostAsync(Events.Valid())).StatusCode);
        var analyst = factory.Analyst();
        var url = $"/api/v1/events?agentId=metrics-{Guid.NewGuid():N}";
        Assert.Equal("MISS", await analyst.XCacheAsync(url));
        Assert.Equal("HIT", await analyst.XCacheAsync(url));
        for (var i = 0; i < 5 && (await analyst.GetAsync(url)).StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
        }

        var metrics = await PrometheusScrape.WhenAsync(factory.CreateClient(), s => s.Names.Contains("firewall_health_healthy"));

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
