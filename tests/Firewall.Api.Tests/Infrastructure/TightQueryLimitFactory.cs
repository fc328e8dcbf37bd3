namespace Firewall.Api.Tests.Infrastructure;

/// <summary>The API with a query bucket of two, so the third quick query is a 429 (and the rate-limit meter moves).</summary>
public sealed class TightQueryLimitFactory : FirewallApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Firewall:RateLimits:Query:Burst", "2"), new("Firewall:RateLimits:Query:RequestsPerSecond", "1")];

    private Task<PrometheusScrape>? _afterTraffic;

    /// <summary>
    /// An ingest, a cache miss and hit on a fresh query (an explicit window: the default one moves with the minute, so
    /// the hit could be a miss across a minute boundary), then queries until one is rejected; /metrics once the health
    /// gauge is there. Once per host: the analyst's bucket is spent afterwards.
    /// </summary>
    public Task<PrometheusScrape> ScrapeAfterTrafficAsync() => _afterTraffic ??= TrafficThenScrapeAsync();

    private async Task<PrometheusScrape> TrafficThenScrapeAsync()
    {
        using var posted = await Agent().PostAsync(Events.Valid());
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var analyst = Analyst();
        var url = EventsUrl.For($"agentId=metrics-{Guid.NewGuid():N}");
        Assert.Equal("MISS", await analyst.XCacheAsync(url));
        Assert.Equal("HIT", await analyst.XCacheAsync(url));
        for (var i = 0; i < 5; i++)
        {
            using var response = await analyst.GetAsync(url);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                break;
            }
        }

        return await PrometheusScrape.WhenAsync(CreateClient(), s => s.Names.Contains("firewall_health_healthy"));
    }
}
