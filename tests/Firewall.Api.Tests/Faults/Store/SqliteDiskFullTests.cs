using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// The disk under the SQLite store fills up under ingest load (the data folder on a 32 MB tmpfs of its own, filled by a
/// ballast file): ingest answers 503 with Retry-After, never 500; queries still answer from what is stored; once space is
/// freed the same API process takes writes again, and every acknowledged event is stored once.
/// </summary>
[Trait("Category", "Faults")]
[Collection(StoreFaultsCollection.Name)]
public sealed class SqliteDiskFullTests(ITestOutputHelper output)
{
    private const int Megabytes = 32;

    /// <summary>The WAL may still have room for a while after the disk is full: how long we wait for writes to fail.</summary>
    private static readonly TimeSpan UntilFull = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AFullDiskIsAnswered503WithRetryAfterQueriesStillAnswerAndWritesResumeOnceSpaceIsFreed()
    {
        await using var disk = await TinyFilesystem.MountAsync(Megabytes);
        using var api = await StoreFaultApi.OnSqliteAsync(disk.Path);
        await FaultCycles.UnderLoadAsync(
            api,
            async probes =>
            {
                await disk.FillAsync();
                try
                {
                    (await FirstRefusalAsync(probes)).AssertUnavailable("ingest on a full disk", StoreFaultApi.Bound);
                    (await probes.QueryAsync()).AssertStatus(HttpStatusCode.OK, "a query on a full disk", StoreFaultApi.Bound);
                    await Task.Delay(FaultMode.Load); // the load meets the full disk for a while
                }
                finally
                {
                    disk.Free();
                }
            },
            () => StoredEvents.InSqliteAsync(disk.Path),
            output);
    }

    // Until the WAL needs a page it does not have, writes still succeed on a full disk; each answer meanwhile must be a 201.
    private static async Task<Answer> FirstRefusalAsync(Probes probes)
    {
        var deadline = DateTime.UtcNow + UntilFull;
        while (true)
        {
            var answer = await probes.IngestAsync();
            if (answer.Status != HttpStatusCode.Created || DateTime.UtcNow > deadline)
            {
                return answer;
            }
        }
    }
}
