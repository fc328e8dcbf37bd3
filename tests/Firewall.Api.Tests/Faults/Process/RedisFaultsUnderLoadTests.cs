using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;
using Firewall.Testing;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// Redis stopped, paused (SIGSTOP) or restarted from an older RDB snapshot while agents ingest and analysts query
/// (RedisOutageTests checks each case with single requests): ingest never fails because of Redis, queries keep
/// answering 200 (BYPASS while Redis is away), the cache is used again once Redis is back without restarting the API,
/// and no answer ever lacks an event acknowledged before it, even when Redis comes back holding entries cached before
/// the outage. Every acknowledged event is stored once.
/// </summary>
[Trait("Category", "Faults")]
public sealed class RedisFaultsUnderLoadTests : IAsyncLifetime
{
    private const int IngestWorkers = 4;

    /// <summary>A fault lasts until this many queries went around the cache (at least the load time, at most 20 s): on a busy machine a fixed time may see none.</summary>
    private const int BypassesPerFault = 4;
    private const int Checkers = 4;
    private readonly RedisProcess _redis = RedisProcess.Reserve();

    public enum RedisFault
    {
        Stop,
        Pause,
        RestartFromRdb,
    }

    public Task InitializeAsync() => _redis.StartAsync();

    public Task DisposeAsync() => _redis.DisposeAsync().AsTask();

    [Theory]
    [InlineData(RedisFault.Stop)]
    [InlineData(RedisFault.Pause)]
    [InlineData(RedisFault.RestartFromRdb)]
    public async Task UnderLoadIngestNeverFailsQueriesKeepAnsweringAndNoAnswerIsStale(RedisFault fault)
    {
        await using var store = await ApiStore.CreateAsync(StoreProvider.Sqlite);
        using var api = await store.StartApiAsync(
            [.. Unlimited.Ingest, .. Unlimited.Queries, ("ConnectionStrings__Redis", _redis.ConnectionString), ("Firewall__Redis__BreakDuration", "00:00:00.5")]);
        using var agent = api.ClientFor(Roles.Agent);
        using var analyst = api.ClientFor(Roles.Analyst);
        var load = new IngestLoad(agent);
        var readers = new ReadYourWrites(agent, analyst);
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(load.RunAsync(IngestWorkers, stop.Token), readers.RunAsync(Checkers, stop.Token));

        await load.SpellAsync(FaultMode.Load, FaultMode.MinimumAcknowledged + 1); // entries cached, generations counted
        var bypassedDuringFault = await InjectAsync(fault, readers);
        var cachedAfterFault = await UntilCacheUsedAgainAsync(readers);
        await Task.Delay(FaultMode.Load);
        await stop.CancelAsync();
        await running;

        Assert.True(load.Unexpected.IsEmpty && !load.Statuses.ContainsKey(HttpStatusCode.ServiceUnavailable), load.ToString());
        Assert.True(load.Acknowledged.Count > FaultMode.MinimumAcknowledged, $"too few events were acknowledged under load: {load}");
        Assert.True(readers.Violations.IsEmpty, readers.ToString());
        Assert.True(bypassedDuringFault, $"fewer than {BypassesPerFault} queries went around the cache during the fault: {readers}");
        Assert.True(cachedAfterFault, $"the cache was not used again within 10 s of Redis coming back: {readers}");
        StoredEvents.AssertHoldsEachOnce(await store.StoredEventsAsync(), load.Acknowledged.Keys);
    }

    /// <summary>Injects <paramref name="fault"/>, holds it while queries run, and ends it; whether queries went around the cache meanwhile.</summary>
    private async Task<bool> InjectAsync(RedisFault fault, ReadYourWrites readers)
    {
        bool bypassed;
        switch (fault)
        {
            case RedisFault.Stop:
                await _redis.StopAsync();
                bypassed = await HoldAsync(readers);
                await _redis.StartAsync();
                break;
            case RedisFault.Pause:
                await _redis.PauseAsync();
                bypassed = await HoldAsync(readers);
                await _redis.ResumeAsync();
                break;
            default:
                await _redis.SaveAsync();
                await Task.Delay(FaultMode.Load); // events after the snapshot bump generations it does not hold
                await _redis.StopAsync();
                bypassed = await HoldAsync(readers);
                await _redis.StartAsync(); // entries and generations of the snapshot are back
                break;
        }

        return bypassed;
    }

    private static async Task<bool> HoldAsync(ReadYourWrites readers)
    {
        var before = Bypassed(readers);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FaultMode.Load || (Bypassed(readers) - before < BypassesPerFault && clock.Elapsed < TimeSpan.FromSeconds(20)))
        {
            await Task.Delay(100);
        }

        return Bypassed(readers) - before >= BypassesPerFault;
    }

    private static int Bypassed(ReadYourWrites readers) => readers.CacheAnswers.GetValueOrDefault("BYPASS");

    /// <summary>Whether queries were answered from or into the cache again (HIT or MISS) within 10 s.</summary>
    private static async Task<bool> UntilCacheUsedAgainAsync(ReadYourWrites readers)
    {
        var before = CacheUsed(readers);
        for (var i = 0; i < 100 && CacheUsed(readers) == before; i++)
        {
            await Task.Delay(100);
        }

        return CacheUsed(readers) > before;
    }

    private static int CacheUsed(ReadYourWrites readers) =>
        readers.CacheAnswers.GetValueOrDefault("HIT") + readers.CacheAnswers.GetValueOrDefault("MISS");
}
