using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Xunit.Abstractions;

namespace Firewall.Api.Tests;

/// <summary>
/// With Redis, one principal has one budget across replicas, and two replicas together admit all of it (within 5 %) and
/// never more; without Redis, each replica limits on its own.
/// </summary>
/// <remarks>
/// The quota is burst + rate × the time measured around the hammering: a superset of the time Redis refilled in, so
/// admitting more is a breach. Rates are low next to the burst, so a slow start or end on a busy machine moves the quota
/// by little, and the hammering goes on until the budget is clearly spent (refusals from every replica).
/// </remarks>
public sealed class SharedRateLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Batch sizes an agent mixes, all larger than what a replica prefetches.</summary>
    private static readonly int[] BatchSizes = [20, 35, 50, 25, 40, 30];

    /// <summary>
    /// Redis calls may take long on a busy machine here: a call past its timeout falls back to the replica's own bucket
    /// (and opens the breaker), which admits up to a budget per replica. That fallback is tested on its own below; the
    /// quota tests measure the shared bucket, so they give Redis the longest timeout the options allow.
    /// </summary>
    private static readonly (string, string) PatientRedis = ("Firewall:Redis:Timeout", "00:00:05");

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
    [InlineData(300, 5)]    // under ten a second: nothing prefetched, every verdict from Redis
    [InlineData(300, 50)]   // five tokens prefetched with each verdict from Redis
    public async Task Two_replicas_together_admit_one_principals_query_quota(int burst, int perSecond)
    {
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString,
            [("Firewall:RateLimits:Query:Burst", $"{burst}"), ("Firewall:RateLimits:Query:RequestsPerSecond", $"{perSecond}"), PatientRedis]);

        var (accepted, elapsed) = await HammerAsync(async (client, _) =>
        {
            using var response = await client.GetAsync("/api/v1/events?limit=1");
            return Verdict(response);
        }, Roles.Analyst, [1]);

        AssertWithinQuota(accepted, burst + (perSecond * elapsed.TotalSeconds));
    }

    [Theory]
    [InlineData(400, 5, false)]   // nothing prefetched
    [InlineData(400, 5, true)]
    [InlineData(400, 30, false)]  // three events prefetched with each verdict from Redis (single events are slow to store)
    [InlineData(400, 100, true)]  // ten events prefetched: a replica often holds tokens when it is refused
    public async Task Two_replicas_together_admit_one_principals_ingest_quota_in_events(int burst, int perSecond, bool batches)
    {
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString,
            [("Firewall:RateLimits:Ingest:Burst", $"{burst}"), ("Firewall:RateLimits:Ingest:EventsPerSecond", $"{perSecond}"), PatientRedis]);

        var (accepted, elapsed) = await HammerAsync(async (client, size) =>
        {
            if (!batches)
            {
                using var single = await client.PostAsync(Events.Valid());
                return Verdict(single);
            }

            var body = new JsonObject { ["events"] = new JsonArray([.. Enumerable.Range(0, size).Select(_ => (JsonNode)Events.Valid())]) };
            using var batch = await client.PostAsync("/api/v1/events/batch", Events.Json(body.ToJsonString()));
            return Verdict(batch);
        }, Roles.Agent, batches ? BatchSizes : [1]);

        AssertWithinQuota(accepted, burst + (perSecond * elapsed.TotalSeconds));
    }

    [Fact]
    public async Task With_Redis_down_each_replica_still_limits_on_its_own()
    {
        const int Burst = 20;
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString,
            [("Firewall:RateLimits:Query:Burst", $"{Burst}"), ("Firewall:RateLimits:Query:RequestsPerSecond", "1")]);
        await _redis.StopAsync();

        var (accepted, elapsed) = await HammerAsync(async (client, _) =>
        {
            using var response = await client.GetAsync("/api/v1/events?limit=1");
            return Verdict(response);
        }, Roles.Analyst, [1]);

        var budget = 2 * (Burst + elapsed.TotalSeconds);
        Assert.True(accepted <= budget, $"{accepted} accepted for two local budgets of {budget / 2:F1}");
    }

    private void AssertWithinQuota(int accepted, double quota)
    {
        output.WriteLine($"{accepted} accepted of a shared quota of {quota:F1} ({accepted / quota:P1})");
        Assert.True(accepted <= quota + 1, $"{accepted} accepted: more than the shared quota of {quota:F1}");
        Assert.True(accepted >= quota * 0.95, $"{accepted} accepted: less than 95 % of the shared quota of {quota:F1}");
    }

    /// <summary>
    /// Sends <paramref name="send"/> (which answers the Retry-After of a 429, or null) with the costs of
    /// <paramref name="sizes"/> in turn as one principal of <paramref name="role"/> through both replicas, four at a
    /// time on each, waiting out each Retry-After as agents do (a replica's unspent prefetched tokens lapse meanwhile),
    /// until every worker was refused three times, and then single permits until one is refused: the budget is spent
    /// to the last token. Answers the permits accepted and the time it took. Each replica first answers a request of another
    /// principal, so its cold start is not counted.
    /// </summary>
    private async Task<(int Accepted, TimeSpan Elapsed)> HammerAsync(
        Func<HttpClient, int, Task<TimeSpan?>> send, string role, int[] sizes)
    {
        var replicas = new[] { _replicas![0], _replicas[1] };
        foreach (var replica in replicas)
        {
            using var warm = replica.ClientFor(Roles.Admin);
            Assert.Null(await send(warm, 1));
        }

        var accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(replicas.SelectMany(replica => Enumerable.Range(0, 4).Select(async worker =>
        {
            using var client = replica.ClientFor(role);
            var refused = 0;
            for (var request = worker; ; request++)
            {
                Assert.True(request < 5_000, "never refused: the limit does not hold");
                var size = refused < 3 ? sizes[request % sizes.Length] : 1;
                if (await send(client, size) is not { } retryAfter)
                {
                    Interlocked.Add(ref accepted, size);
                }
                else if (++refused > 3 && size == 1)
                {
                    break;
                }
                else if (refused <= 3)
                {
                    await Task.Delay(retryAfter);
                }
            }
        })));
        return (accepted, clock.Elapsed);
    }

    /// <summary>The verdict of <paramref name="response"/>: its Retry-After when it is a 429, null when it succeeded; fails on anything else.</summary>
    private static TimeSpan? Verdict(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("a 429 without Retry-After");
        }

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        return null;
    }
}
