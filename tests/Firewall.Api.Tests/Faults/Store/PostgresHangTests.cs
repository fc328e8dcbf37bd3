using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// PostgreSQL hangs (SIGSTOP to the postmaster and every backend: connections open, nothing answers) under ingest load,
/// on a server of this class's own. Nothing waits the hang out: ingest and queries answer 503 with Retry-After within the
/// request deadline, readiness says not-ready within 2 s, liveness stays fast. After SIGCONT the same API process serves
/// again and every event it acknowledged is stored once (one that committed after its 503 is answered as a duplicate).
/// </summary>
[Trait("Category", "Faults")]
[Collection(StoreFaultsCollection.Name)]
public sealed class PostgresHangTests(PrivatePostgres postgres, ITestOutputHelper output) : IClassFixture<PrivatePostgres>
{
    private PostgresServer Server => postgres.Server;

    [Fact]
    public async Task AHungServerIsAnswered503WithinTheDeadlineReadinessSaysSoAndNothingAcknowledgedIsLost()
    {
        var store = await Server.CreateDatabaseAsync();
        using var api = await StoreFaultApi.OnPostgresAsync(store);
        await FaultCycles.UnderLoadAsync(
            api,
            async probes =>
            {
                await Server.PauseAsync();
                try
                {
                    // All four at once, so each is timed against the hang and not behind another probe.
                    var (ingest, query, ready, live) = (probes.IngestAsync(), probes.QueryAsync(), probes.ReadyAsync(), probes.LiveAsync());
                    (await ingest).AssertUnavailable("ingest with PostgreSQL hung", StoreFaultApi.Bound);
                    (await query).AssertUnavailable("a query with PostgreSQL hung", StoreFaultApi.Bound);
                    (await ready).AssertStatus(HttpStatusCode.ServiceUnavailable, "readiness with PostgreSQL hung", StoreFaultApi.ReadinessBound);
                    (await live).AssertStatus(HttpStatusCode.OK, "liveness with PostgreSQL hung", StoreFaultApi.LiveBound);
                    await Task.Delay(FaultMode.Load); // the load meets the hang for a while
                }
                finally
                {
                    await Server.ResumeAsync();
                }
            },
            () => StoredEvents.InPostgresAsync(store),
            output);
    }
}
