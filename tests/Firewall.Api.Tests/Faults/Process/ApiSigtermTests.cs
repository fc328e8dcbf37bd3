using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// SIGTERM under load on PostgreSQL, as Kubernetes stops a pod (GracefulShutdownTests does SQLite): the API drains its
/// write queue into PostgreSQL and exits 0, and every event it acknowledged is stored once.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ApiSigtermTests
{
    private const int Workers = 16;
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnPostgresSigtermUnderLoadExitsZeroWithEveryAcknowledgedEventStoredOnce()
    {
        await using var store = await ApiStore.CreateAsync(StoreProvider.Postgres);
        using var api = await store.StartApiAsync(Unlimited.Ingest);
        using var client = api.ClientFor(Roles.Agent, GracePeriod);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model

        var load = new IngestLoad(client);
        var workers = load.RunAsync(Workers, CancellationToken.None);
        await Task.Delay(FaultMode.Load);
        load.Terminated = true;
        await api.TerminateAsync();
        await api.WaitForExitAsync(GracePeriod);
        await workers;

        var log = await api.LogAsync();
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {log}");
        Assert.True(load.Unexpected.IsEmpty, $"{load}\n{log}");
        Assert.True(load.Acknowledged.Count > 100, $"too few events were acknowledged under load: {load}\n{log}");
        StoredEvents.AssertHoldsEachOnce(await store.StoredEventsAsync(), load.Acknowledged.Keys);
    }
}
