using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>: no checkpoint, recovery from the WAL at the next start) and comes
/// back, under ingest load, on a server of this class's own. While it is down ingest and queries answer 503 with
/// Retry-After at once; once it is back the same API process serves again, and every event it acknowledged survived.
/// </summary>
[Trait("Category", "Faults")]
[Collection(StoreFaultsCollection.Name)]
public sealed class PostgresCrashTests(PrivatePostgres postgres, ITestOutputHelper output) : IClassFixture<PrivatePostgres>
{
    private PostgresServer Server => postgres.Server;

    [Fact]
    public async Task CrashAndRestartUnderLoadLoseNoAcknowledgedEventAndTheApiServesAgainWithoutARestart()
    {
        var store = await Server.CreateDatabaseAsync();
        using var api = await StoreFaultApi.OnPostgresAsync(store);
        await FaultCycles.UnderLoadAsync(
            api,
            async probes =>
            {
                await Server.CrashAsync();
                (await probes.IngestAsync()).AssertUnavailable("ingest with PostgreSQL down", StoreFaultApi.Bound);
                (await probes.QueryAsync()).AssertUnavailable("a query with PostgreSQL down", StoreFaultApi.Bound);
                await Server.StartAsync();
            },
            () => StoredEvents.InPostgresAsync(store),
            output);
    }
}
