using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// Another session holds ACCESS EXCLUSIVE on <c>events</c> for a few seconds (a careless migration, a manual
/// <c>LOCK TABLE</c>) under ingest load. Ingest and queries answer 503 with Retry-After within the request deadline instead
/// of queueing behind the lock; the events answered 503, retried after the release, are stored once; nothing acknowledged is lost.
/// </summary>
[Trait("Category", "Faults")]
[Collection(StoreFaultsCollection.Name)]
public sealed class TableLockTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Hold = FaultMode.Soak ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(4);
    private PostgresDatabase? _database;

    private string Store => _database!.ConnectionString;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhileTheEventsTableIsLockedIngestAnswers503WithinTheDeadlineAndRetriesAfterTheReleaseAreStoredOnce()
    {
        using var api = await StoreFaultApi.OnPostgresAsync(Store);
        var refused = new List<JsonObject>();
        var stored = await FaultCycles.UnderLoadAsync(
            api,
            async probes =>
            {
                await using (await LockEventsAsync())
                {
                    var body = Events.Valid();
                    var (ingest, query) = (probes.IngestAsync(body), probes.QueryAsync());
                    (await ingest).AssertUnavailable("ingest with the events table locked", StoreFaultApi.Bound);
                    (await query).AssertUnavailable("a query with the events table locked", StoreFaultApi.Bound);
                    refused.Add(body);
                    await Task.Delay(Hold);
                }
            },
            () => StoredEvents.InPostgresAsync(Store),
            output,
            afterRecovery: async probes =>
            {
                foreach (var body in refused)
                {
                    var retry = await probes.IngestAsync(body);
                    Assert.True(retry.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"the retry of an event refused under the lock: {retry}");
                }
            });
        StoredEvents.AssertHoldsEachOnce(stored, [.. refused.Select(body => Guid.Parse(body["eventId"]!.GetValue<string>()))]);
    }

    // The lock lives as long as its transaction, which ends (rolled back) when the connection is disposed.
    private async Task<NpgsqlConnection> LockEventsAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Store) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var lockTable = new NpgsqlCommand("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE", connection);
        await lockTable.ExecuteNonQueryAsync();
        return connection;
    }
}
