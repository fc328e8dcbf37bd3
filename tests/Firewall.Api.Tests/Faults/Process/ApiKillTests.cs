using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// SIGKILL of the API binary under ingest load, several times on one store (the OOM killer, a node lost): after each
/// kill the API restarts on the same store and serves again, every event it acknowledged before any kill is stored,
/// and no event id is stored twice. Events in flight at a kill were not acknowledged: they may or may not be stored.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ApiKillTests
{
    private const int Workers = 16;

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task AfterEachSigkillUnderLoadTheApiRestartsOnItsStoreWithEveryAcknowledgedEventStoredOnce(StoreProvider provider)
    {
        await using var store = await ApiStore.CreateAsync(provider);
        var acknowledged = new HashSet<Guid>();
        for (var cycle = 0; cycle < FaultMode.Cycles; cycle++)
        {
            using var api = await store.StartApiAsync(Unlimited.Ingest);
            using var client = api.ClientFor(Roles.Agent);
            // Serves again after the previous kill, before the load starts.
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode);

            var load = new IngestLoad(client);
            var workers = load.RunAsync(Workers, CancellationToken.None);
            await load.SpellAsync(FaultMode.Load, FaultMode.MinimumAcknowledged + 1);
            load.Terminated = true; // before the kill: a reset connection can reach a worker before Kill returns
            api.Process.Kill();
            await api.Process.WaitForExitAsync();
            await workers;

            Assert.True(load.Unexpected.IsEmpty, $"cycle {cycle}: {load}");
            Assert.True(load.Acknowledged.Count > FaultMode.MinimumAcknowledged, $"cycle {cycle}: too few events were acknowledged under load: {load}");
            acknowledged.UnionWith(load.Acknowledged.Keys);
            StoredEvents.AssertHoldsEachOnce(await store.StoredEventsAsync(), acknowledged);
        }
    }
}
