using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>With Redis, one principal has one query budget across replicas; without it, each replica limits on its own.</summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int Burst = 20;
    private static readonly (string, string)[] Limits =
        [("Firewall:RateLimits:Query:Burst", "20"), ("Firewall:RateLimits:Query:RequestsPerSecond", "1")];

    private readonly RedisProcess _redis = RedisProcess.Reserve();
    private Replicas? _replicas;

    public async Task InitializeAsync() => await _redis.StartAsync();

    public async Task DisposeAsync()
    {
        if (_replicas is not null)
        {
            await _replicas.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Theory]
    [InlineData(Burst, 1)]   // every verdict from Redis
    [InlineData(40, 20)]     // verdicts from tokens each replica prefetched, two at a time
    public async Task TwoReplicasTogetherAcceptNoMoreThanOnePrincipalsBudget(int burst, int perSecond)
    {
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString,
            [("Firewall:RateLimits:Query:Burst", $"{burst}"), ("Firewall:RateLimits:Query:RequestsPerSecond", $"{perSecond}")]);
        var clock = Stopwatch.StartNew();

        var statuses = await HammerAsync(_replicas[0].Analyst(), _replicas[1].Analyst());

        var budget = burst + (perSecond * clock.Elapsed.TotalSeconds);
        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(accepted >= burst * 0.9 && accepted <= budget * 1.1, $"{accepted} accepted for a budget of {budget:F1}");
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task WithRedisDownEachReplicaStillLimitsOnItsOwn()
    {
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString, Limits);
        await _redis.StopAsync();
        var clock = Stopwatch.StartNew();

        var statuses = await HammerAsync(_replicas[0].Analyst(), _replicas[1].Analyst());

        var budget = 2 * (Burst + clock.Elapsed.TotalSeconds);
        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(accepted <= budget * 1.1, $"{accepted} accepted for two local budgets of {budget / 2:F1}");
    }

    /// <summary>60 queries per replica, 4 at a time on each, all as the same principal.</summary>
    private static async Task<List<HttpStatusCode>> HammerAsync(params HttpClient[] analysts)
    {
        var statuses = new List<HttpStatusCode>();
        await Task.WhenAll(analysts.SelectMany(analyst => Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 15; i++)
            {
                using var response = await analyst.GetAsync("/api/v1/events?limit=1");
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }
            }
        })));
        return statuses;
    }
}
