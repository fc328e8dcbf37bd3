using Firewall.Storage.Writing;

namespace Firewall.Storage.Tests;

public abstract class WriteQueueTests(StoreProvider provider) : TestStore(provider)
{
    [Fact]
    public async Task A_write_larger_than_the_free_queue_fails_at_once_with_store_unavailable()
    {
        var exception = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => Writer.WriteAsync([TestEvents.New(), TestEvents.New(), TestEvents.New()], default));

        Assert.True(exception.RetryAfter > TimeSpan.Zero);
        Assert.Equal(WriteOutcome.Created, (await Writer.WriteAsync([TestEvents.New(), TestEvents.New()], default))[0].Outcome);
    }

    protected override Dictionary<string, string?> Configuration()
    {
        var configuration = base.Configuration();
        configuration["Firewall:Store:WriteQueueCapacity"] = "2";
        return configuration;
    }
}

public sealed class WriteQueueTestsOnSqlite() : WriteQueueTests(StoreProvider.Sqlite);

public sealed class WriteQueueTestsOnPostgres() : WriteQueueTests(StoreProvider.Postgres);
