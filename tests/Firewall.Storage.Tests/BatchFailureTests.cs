using Firewall.Core.Events;
using Firewall.Storage.Reading;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

public abstract class BatchFailureTests(StoreProvider provider) : TestStore(provider)
{
    private static readonly EventFilter Everything = new(new HashSet<Severity>(Enum.GetValues<Severity>()), TestEvents.Noon, TestEvents.Noon.AddHours(1));

    [Fact]
    public async Task A_failing_transaction_stores_nothing_and_answers_store_unavailable()
    {
        // The rollup upsert runs after the inserts, so its failure proves the inserts roll back.
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE event_counts");
        }

        var exception = await Assert.ThrowsAsync<StoreUnavailableException>(() => Writer.WriteAsync([TestEvents.New(), TestEvents.New()], default));

        Assert.NotNull(exception.InnerException);
        Assert.Empty((await Reader.QueryAsync(Everything, 10, null, PageFields.Excerpt, default)).Items);
    }

    [Fact]
    public async Task Shutdown_writes_everything_queued_then_refuses_new_writes()
    {
        var writes = Enumerable.Range(0, 20).Select(_ => Writer.WriteAsync([TestEvents.New()], default)).ToList();

        await StopHostAsync();

        Assert.All(writes, w => Assert.Equal(WriteOutcome.Created, w.Result[0].Outcome));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Writer.WriteAsync([TestEvents.New()], default));
        Assert.Equal(20, (await Reader.QueryAsync(Everything, 100, null, PageFields.Excerpt, default)).Items.Count);
    }
}

public sealed class BatchFailureTestsOnSqlite() : BatchFailureTests(StoreProvider.Sqlite);

public sealed class BatchFailureTestsOnPostgres() : BatchFailureTests(StoreProvider.Postgres);
