using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Storage;

namespace Firewall.Api.Tests;

/// <summary>Budgets small enough to exhaust in a test, on SQLite; <see cref="SmallLimitsPostgresFactory"/> is its PostgreSQL twin.</summary>
public class SmallLimitsFactory : FirewallApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Firewall:RateLimits:Ingest:EventsPerSecond", "1"),
        new("Firewall:RateLimits:Ingest:Burst", "5"),
        new("Firewall:RateLimits:Query:RequestsPerSecond", "1"),
        new("Firewall:RateLimits:Query:Burst", "3"),
        new("Firewall:RateLimits:Token:RequestsPerMinute", "2"),
    ];
}

public sealed class SmallLimitsPostgresFactory : SmallLimitsFactory
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public abstract class RateLimitTests(SmallLimitsFactory factory)
{
    [Fact]
    public async Task QueriesBeyondTheBurstAre429WithRetryAfterAndRateLimitHeaders()
    {
        // Warm (a cold first query can outlast the refill), then all at once: three more than the burst, whatever the clock.
        await OwnPrincipal("analyst").GetAsync("/api/v1/events");
        var analyst = OwnPrincipal("analyst");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => analyst.GetAsync("/api/v1/events")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 4);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.StartsWith("\"query\";q=3", limited.Headers.GetValues("RateLimit-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("r=0", limited.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task IngestIsCountedInEventsNotRequests()
    {
        var agent = OwnPrincipal("agent");
        var first = await agent.PostAsync("/api/v1/events/batch", Events.Json(Batch(5)));
        var second = await agent.PostAsync("/api/v1/events/batch", Events.Json(Batch(4)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    private static string Batch(int size) =>
        new JsonObject { ["events"] = new JsonArray([.. Enumerable.Range(0, size).Select(_ => (JsonNode)Events.Valid())]) }.ToJsonString();

    [Fact]
    public async Task EachPrincipalHasItsOwnBudget()
    {
        var analystA = OwnPrincipal("analyst");
        for (var i = 0; i < 5; i++)
        {
            await analystA.GetAsync("/api/v1/events");
        }

        var other = OwnPrincipal("analyst");

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/events")).StatusCode);
    }

    /// <summary>A client of a principal of its own: the fixture's API is shared, so no test spends another's budget, whatever their order.</summary>
    private HttpClient OwnPrincipal(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Core.Auth.AccessTokenFactory.Create(
            TestKeys.Settings, $"{role}-{Guid.NewGuid():N}", [role], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        return client;
    }

    [Fact]
    public async Task TheTokenEndpointIsLimitedPerClientAddress()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "x", ["client_secret"] = "y" });
            statuses.Add((await client.PostAsync("/api/v1/auth/token", form)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}

public sealed class RateLimitTestsOnSqlite(SmallLimitsFactory factory) : RateLimitTests(factory), IClassFixture<SmallLimitsFactory>;

public sealed class RateLimitTestsOnPostgres(SmallLimitsPostgresFactory factory) : RateLimitTests(factory), IClassFixture<SmallLimitsPostgresFactory>;
