using System.Net;
using System.Text.Json;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Serialization;

namespace Firewall.Api.Tests;

public abstract class QueryTests(FirewallApiFactory factory)
{
    private static readonly string[] HighOrAbove = ["high", "critical", "fatal"];
    private static readonly string[] HitOrMiss = ["HIT", "MISS"];

    [Fact]
    public async Task MinSeverityReturnsOnlyThoseSeveritiesNewestFirst()
    {
        var agentId = $"query-{Guid.NewGuid():N}";
        var agent = factory.Agent();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            var body = Events.Valid(type: i % 2 == 0 ? "secret_leak" : "other", content: i % 2 == 0 ? "key -----BEGIN " + "PRIVATE KEY----- x" : "fine", at: now.AddMinutes(-i));
            body["agentId"] = agentId;
            await agent.PostAsync(body);
        }

        var all = await Items($"/api/v1/events?agentId={agentId}");
        var high = await Items($"/api/v1/events?agentId={agentId}&minSeverity=high");

        Assert.Equal(6, all.Count);
        Assert.All(high, e => Assert.Contains(e.GetProperty("severity").GetString(), HighOrAbove));
        var times = all.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task KeysetPagesReturnEveryEventOnceInOrder()
    {
        var agentId = $"pages-{Guid.NewGuid():N}";
        var agent = factory.Agent();
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var i = 0; i < 7; i++)
        {
            var body = Events.Valid(at: at.AddSeconds(i % 3));
            body["agentId"] = agentId;
            await agent.PostAsync(body);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/events?agentId={agentId}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}");
            using var page = await (await factory.Analyst().GetAsync(url)).ReadJsonAsync();
            seen.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task TheTimeRangeIsHalfOpen()
    {
        var agentId = $"range-{Guid.NewGuid():N}";
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var body = Events.Valid(at: at);
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);

        var including = await Items($"/api/v1/events?agentId={agentId}&from=2026-11-01T12:00:00Z&to=2026-11-01T12:00:01Z");
        var excluding = await Items($"/api/v1/events?agentId={agentId}&from=2026-11-01T11:00:00Z&to=2026-11-01T12:00:00Z");

        Assert.Single(including);
        Assert.Empty(excluding);
    }

    [Fact]
    public async Task QueryResponsesCarryXCacheAndNoStore()
    {
        var response = await factory.Analyst().GetAsync("/api/v1/events?minSeverity=medium");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("X-Cache").Single(), HitOrMiss);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Fact]
    public async Task PageRowsCarryAContentExcerptAndFieldsFullOrTheIdTheWholeContent()
    {
        var agentId = $"excerpt-{Guid.NewGuid():N}";
        var content = string.Concat(Enumerable.Range(0, 60).Select(i => $"part{i:D2} ")); // 420 characters
        var body = Events.Valid(type: "other", content: content);
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);

        var listed = Assert.Single(await Items($"/api/v1/events?agentId={agentId}"));
        var full = Assert.Single(await Items($"/api/v1/events?agentId={agentId}&fields=full"));
        using var byId = await (await factory.Analyst().GetAsync($"/api/v1/events/{listed.GetProperty("id").GetInt64()}")).ReadJsonAsync();

        Assert.Equal(content[..256], listed.GetProperty("content").GetString());
        Assert.True(listed.GetProperty("contentTruncated").GetBoolean());
        Assert.Equal(content, full.GetProperty("content").GetString());
        Assert.False(full.GetProperty("contentTruncated").GetBoolean());
        Assert.Equal(content, byId.RootElement.GetProperty("content").GetString());
        Assert.False(byId.RootElement.TryGetProperty("contentTruncated", out _));
    }

    [Fact]
    public async Task FieldsOtherThanFullIsABadRequest()
    {
        var response = await factory.Analyst().GetAsync("/api/v1/events?fields=content");

        Assert.NotEmpty(await response.ProblemErrorsFor("fields"));
    }

    [Fact]
    public async Task StatsCountEventsPerBucketAndSeverity()
    {
        // Stats count every agent's events: an hour of its own (within a year), so no other test's events are counted.
        var hour = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(365 * 24));
        var at = hour.AddMinutes(30);
        var agent = factory.Agent();
        for (var i = 0; i < 3; i++)
        {
            await agent.PostAsync(Events.Valid(at: at.AddMinutes(i)));
        }

        var response = await factory.Analyst().GetAsync(
            $"/api/v1/stats?from={UtcTimestampConverter.Format(hour)}&to={UtcTimestampConverter.Format(hour.AddHours(2))}&bucket=1h");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stats = await response.ReadJsonAsync();
        var series = stats.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal(3, series[0].GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(3, stats.RootElement.GetProperty("totals").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal("1h", stats.RootElement.GetProperty("bucket").GetString());
    }

    [Fact]
    public async Task StatsRefuseMoreThan2000Buckets()
    {
        var response = await factory.Analyst().GetAsync("/api/v1/stats?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=1m");

        Assert.NotEmpty(await response.ProblemErrorsFor("bucket"));
    }

    private async Task<List<JsonElement>> Items(string url)
    {
        var response = await factory.Analyst().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = await response.ReadJsonAsync();
        return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }
}

public sealed class QueryTestsOnSqlite(FirewallApiFactory factory) : QueryTests(factory), IClassFixture<FirewallApiFactory>;

public sealed class QueryTestsOnPostgres(PostgresApiFactory factory) : QueryTests(factory), IClassFixture<PostgresApiFactory>;
