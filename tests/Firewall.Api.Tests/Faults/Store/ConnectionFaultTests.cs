using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// The network between the API and PostgreSQL breaks, through a <see cref="FaultProxy"/> the API's connection string
/// names: every connection reset (a failover, a restarted pooler), or a blackhole (a dropped route: connections open,
/// nothing comes back). Either way ingest and queries answer 503 with Retry-After in bounded time, and once the network
/// heals the same API process serves again with every acknowledged event stored once (read straight from the server).
/// </summary>
[Trait("Category", "Faults")]
[Collection(StoreFaultsCollection.Name)]
public sealed class ConnectionFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = FaultMode.Soak ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(3);
    private PostgresDatabase? _database;
    private FaultProxy? _proxy;

    private string Store => _database!.ConnectionString;

    private FaultProxy Proxy => _proxy!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(Store);
        _proxy = FaultProxy.To(server.Host!, server.Port);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ResetConnectionsAreAnswered503AndTheApiServesAgainOnceTheyPass()
    {
        await UnderLoadAsync(Proxy.Reset, async probes =>
        {
            var (ingest, query) = (probes.IngestAsync(), probes.QueryAsync());
            (await ingest).AssertUnavailable("ingest with every store connection reset", StoreFaultApi.Bound);
            (await query).AssertUnavailable("a query with every store connection reset", StoreFaultApi.Bound);
        });
    }

    [Fact]
    public async Task ABlackholedStoreIsAnswered503WithinTheDeadlineAndReadinessSaysSoWithinTwoSeconds()
    {
        await UnderLoadAsync(Proxy.Blackhole, async probes =>
        {
            var (ingest, query, ready, live) = (probes.IngestAsync(), probes.QueryAsync(), probes.ReadyAsync(), probes.LiveAsync());
            (await ingest).AssertUnavailable("ingest with the store blackholed", StoreFaultApi.Bound);
            (await query).AssertUnavailable("a query with the store blackholed", StoreFaultApi.Bound);
            (await ready).AssertStatus(HttpStatusCode.ServiceUnavailable, "readiness with the store blackholed", StoreFaultApi.ReadinessBound);
            (await live).AssertStatus(HttpStatusCode.OK, "liveness with the store blackholed", StoreFaultApi.LiveBound);
        });
    }

    /// <summary>Load through the proxy; each cycle: <paramref name="fault"/>, the probes, the outage, then pass again.</summary>
    private async Task UnderLoadAsync(Action fault, Func<Probes, Task> probeDuringFault)
    {
        var throughProxy = new NpgsqlConnectionStringBuilder(Store) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString;
        using var api = await StoreFaultApi.OnPostgresAsync(throughProxy);
        await FaultCycles.UnderLoadAsync(
            api,
            async probes =>
            {
                fault();
                try
                {
                    await probeDuringFault(probes);
                    await Task.Delay(Outage);
                }
                finally
                {
                    Proxy.Pass();
                }
            },
            () => StoredEvents.InPostgresAsync(Store),
            output);
    }
}
