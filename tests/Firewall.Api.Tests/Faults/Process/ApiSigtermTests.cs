using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// SIGTERM under load, as Kubernetes stops a pod, on either store: the API stops taking requests, drains its write queue
/// and exits 0 within the grace period, and every event it acknowledged is stored once.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ApiSigtermTests
{
    private const int Workers = 16;
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task SigtermUnderLoadExitsZeroWithinTheGracePeriodWithEveryAcknowledgedEventStoredOnce(StoreProvider provider)
    {
        await using var store = await ApiStore.CreateAsync(provider);
        using var api = await store.StartApiAsync(Unlimited.Ingest);
        using var client = api.ClientFor(Roles.Agent, GracePeriod);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model

        var load = new IngestLoad(client);
        var workers = load.RunAsync(Workers, CancellationToken.None);
        await load.SpellAsync(FaultMode.Load, FaultMode.MinimumAcknowledged + 1);
        load.Terminated = true; // before the signal: a refused connection can reach a worker before TerminateAsync returns
        await api.TerminateAsync();
        await api.WaitForExitAsync(GracePeriod);
        await workers;

        var log = await api.LogAsync();
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {log}");
        Assert.True(load.Unexpected.IsEmpty, $"{load}\n{log}");
        Assert.True(load.Acknowledged.Count > FaultMode.MinimumAcknowledged, $"too few events were acknowledged under load: {load}\n{log}");
        StoredEvents.AssertHoldsEachOnce(await store.StoredEventsAsync(), load.Acknowledged.Keys);
    }
}
