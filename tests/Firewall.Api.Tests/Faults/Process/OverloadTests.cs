using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// Far more concurrent ingest than the writer takes, against a small write queue: agents are told to retry (503 with
/// Retry-After) and never get a 500, every acknowledged event is stored once, and the process stays responsive: its
/// liveness probe answers promptly throughout, so Kubernetes never restarts a pod for being busy.
/// </summary>
[Trait("Category", "Faults")]
public sealed class OverloadTests
{
    private const int Workers = 64;

    /// <summary>Generous for a shared 2-core machine; a probe that waits behind the write queue would take seconds.</summary>
    private static readonly TimeSpan LivenessBound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task UnderOverloadAgentsAreToldToRetryEveryAcknowledgedEventIsStoredOnceAndLivenessStaysFast()
    {
        await using var store = await ApiStore.CreateAsync(StoreProvider.Sqlite);
        using var api = await store.StartApiAsync(
            [.. Unlimited.Ingest, ("Firewall__Store__WriteQueueCapacity", "20"), ("Firewall__Store__MaxBatchEvents", "10")]);
        using var client = api.ClientFor(Roles.Agent);
        using var probe = new HttpClient { BaseAddress = api.Address };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model

        var load = new IngestLoad(client);
        using var stop = new CancellationTokenSource();
        var workers = load.RunAsync(Workers, stop.Token);
        var probing = ProbeLivenessAsync(probe, stop.Token);
        await load.SpellAsync(FaultMode.Load * 2, FaultMode.MinimumAcknowledged + 1);
        await stop.CancelAsync();
        await workers;
        var probes = await probing;

        Assert.True(load.Unexpected.IsEmpty, load.ToString());
        Assert.True(load.Statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, $"the API was not overloaded: {load}");
        Assert.True(load.Acknowledged.Count > FaultMode.MinimumAcknowledged, $"too few events were acknowledged under overload: {load}");
        Assert.True(probes.All(p => p.Status == HttpStatusCode.OK && p.Took < LivenessBound),
            $"/health/live under overload: {string.Join(", ", probes.Select(p => $"{(int)p.Status} in {p.Took.TotalMilliseconds:F0} ms"))}");
        StoredEvents.AssertHoldsEachOnce(await store.StoredEventsAsync(), load.Acknowledged.Keys);
    }

    private static async Task<List<(HttpStatusCode Status, TimeSpan Took)>> ProbeLivenessAsync(HttpClient probe, CancellationToken stop)
    {
        var probes = new List<(HttpStatusCode, TimeSpan)>();
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            using var response = await probe.GetAsync("/health/live", CancellationToken.None);
            probes.Add((response.StatusCode, clock.Elapsed));
            await Task.Delay(100, CancellationToken.None);
        }

        return probes;
    }
}
