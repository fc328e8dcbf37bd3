using System.Diagnostics;
using System.Globalization;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Npgsql;

namespace Firewall.Api.Tests;

/// <summary>
/// Issue 10, item 3: a hung store is not waited out. With a request deadline of 1 s, ingest and every query answer 503
/// with Retry-After in bounded time while PostgreSQL hangs (a frozen connection, as SIGSTOP or a blackhole does) or a table
/// lock is held; the agent's retry afterwards stores the event once; readiness says not-ready within 2 s and liveness
/// stays fast. The bounds leave room for a loaded machine: 1 s deadline, answered within 4 s.
/// </summary>
public sealed class StoreDeadlineTests(HangingStoreApiFactory factory) : IClassFixture<HangingStoreApiFactory>
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task IngestBehindAHeldTableLockIs503WithRetryAfterWithinTheDeadlineAndTheRetryAfterReleaseIsStoredOnce()
    {
        var agent = factory.Agent();
        await WarmedUpAsync();
        var body = Events.Valid();
        await using var locker = new NpgsqlConnection(factory.StoreConnectionString);
        await locker.OpenAsync();
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await new NpgsqlCommand("LOCK TABLE events IN ACCESS EXCLUSIVE MODE", locker, transaction).ExecuteNonQueryAsync();

            var (response, took) = await TimedAsync(() => agent.PostAsync(body));

            AssertUnavailable(response, took);
            await transaction.RollbackAsync();
        }

        var retried = await RetryUntilAnsweredAsync(() => agent.PostAsync(body));
        Assert.True(retried.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"the retry got {retried.StatusCode}");
        Assert.Equal(1, await StoredCountAsync(Guid.Parse(body["eventId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task IngestOnAFrozenStoreIs503WithRetryAfterWithinTheDeadlineAndTheRetryAfterTheThawIsStoredOnce()
    {
        var agent = factory.Agent();
        await WarmedUpAsync();
        var body = Events.Valid();
        factory.Proxy.Blackhole();
        try
        {
            var (response, took) = await TimedAsync(() => agent.PostAsync(body));

            AssertUnavailable(response, took);
        }
        finally
        {
            factory.Proxy.Pass();
        }

        // The held batch may commit after all (then the retry is a duplicate) or fail whole (then the retry stores it).
        var retried = await RetryUntilAnsweredAsync(() => agent.PostAsync(body));
        Assert.True(retried.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"the retry got {retried.StatusCode}");
        Assert.Equal(1, await StoredCountAsync(Guid.Parse(body["eventId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task EveryQueryOnAFrozenStoreIs503WithRetryAfterWithinTheDeadline()
    {
        var analyst = factory.Analyst();
        await WarmedUpAsync();
        // A window of its own, so no cached answer can be served instead of the store's.
        var from = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(1_000_000));
        var window = string.Create(CultureInfo.InvariantCulture, $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddHours(1).ToString("O"))}");
        factory.Proxy.Blackhole();
        try
        {
            foreach (var url in new[] { $"/api/v1/events?{window}", $"/api/v1/events/{Random.Shared.NextInt64(1L << 40, 1L << 50)}", $"/api/v1/stats?{window}&bucket=1m" })
            {
                var (response, took) = await TimedAsync(() => analyst.GetAsync(url));

                AssertUnavailable(response, took, url);
            }

            using var resume = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream");
            resume.Headers.Add("Last-Event-ID", "1");
            var (stream, streamTook) = await TimedAsync(() => analyst.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead));

            AssertUnavailable(stream, streamTook, "the live tail resuming after Last-Event-ID");
        }
        finally
        {
            factory.Proxy.Pass();
        }
    }

    [Fact]
    public async Task ReadinessIsNotReadyWithinTwoSecondsOnAFrozenStoreLivenessStaysFastAndReadinessComesBackAfterTheThaw()
    {
        var client = factory.CreateClient();
        await ReadyAsync();
        factory.Proxy.Blackhole();
        try
        {
            var (ready, readyTook) = await TimedAsync(() => client.GetAsync("/health/ready"));
            var (live, liveTook) = await TimedAsync(() => client.GetAsync("/health/live"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(readyTook < TimeSpan.FromSeconds(2), $"readiness answered after {readyTook}");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.True(liveTook < TimeSpan.FromSeconds(1), $"liveness answered after {liveTook}");
        }
        finally
        {
            factory.Proxy.Pass();
        }

        await ReadyAsync();
    }

    private static void AssertUnavailable(HttpResponseMessage response, TimeSpan took, string what = "ingest")
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} got {response.StatusCode}");
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"{what}: Retry-After is {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(took < Answered, $"{what} was answered after {took}, past the deadline of {HangingStoreApiFactory.Deadline} and its slack");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed);
    }

    /// <summary>
    /// Ready, and each path has served once: the bound is on the wait for the store, and a first request's one-off costs
    /// (the classifier's compiled rules, the JIT, EF's first queries) on a loaded machine must not count against it, so a
    /// warm-up request that met the deadline while cold is sent again.
    /// </summary>
    private async Task WarmedUpAsync()
    {
        await ReadyAsync();
        var agent = factory.Agent();
        Assert.Equal(HttpStatusCode.Created, (await RetryUntilAnsweredAsync(() => agent.PostAsync(Events.Valid()))).StatusCode);
        var analyst = factory.Analyst();
        Assert.Equal(HttpStatusCode.OK, (await RetryUntilAnsweredAsync(() => analyst.GetAsync("/api/v1/events"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RetryUntilAnsweredAsync(() => analyst.GetAsync("/api/v1/stats"))).StatusCode);
    }

    /// <summary>Waits until the store answers through the proxy again (a previous test may have left the pool recovering).</summary>
    private async Task ReadyAsync()
    {
        using var client = factory.CreateClient();
        var response = await RetryUntilAnsweredAsync(() => client.GetAsync("/health/ready"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends until the answer is not a 503: the writer may still be giving up on a batch the hang held.</summary>
    private static async Task<HttpResponseMessage> RetryUntilAnsweredAsync(Func<Task<HttpResponseMessage>> send)
    {
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || patience.Elapsed > TimeSpan.FromSeconds(60))
            {
                return response;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task<long> StoredCountAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(factory.StoreConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM events WHERE event_id = @id", connection);
        count.Parameters.AddWithValue("id", eventId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
