using Firewall.Core.Events;
using Firewall.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Storage.Tests;

public abstract class CommitListenerTests(StoreProvider provider) : TestStore(provider)
{
    private readonly GatedListener listener = new();

    [Fact]
    public async Task Writers_are_answered_only_after_the_listener_saw_the_new_severities()
    {
        var write = Writer.WriteAsync([TestEvents.New(Severity.High), TestEvents.New(Severity.Low)], default);

        var severities = await listener.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new HashSet<Severity> { Severity.High, Severity.Low }, severities);
        // The events are committed, yet the writer waits for the listener.
        Assert.Equal(2, await CountAsync());
        await Task.Delay(100);
        Assert.False(write.IsCompleted);

        listener.Release.SetResult();
        Assert.All(await write, r => Assert.Equal(WriteOutcome.Created, r.Outcome));
    }

    [Fact]
    public async Task A_write_that_creates_nothing_does_not_call_the_listener()
    {
        listener.Release.SetResult();
        var input = TestEvents.New();
        await Writer.WriteAsync([input], default);
        listener.Calls = 0;

        await Writer.WriteAsync([input], default);

        Assert.Equal(0, listener.Calls);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_its_batch()
    {
        using var cancellation = new CancellationTokenSource();
        var input = TestEvents.New();
        var write = Writer.WriteAsync([input], cancellation.Token);
        await listener.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        listener.Release.SetResult();

        Assert.Equal(WriteOutcome.Duplicate, (await Writer.WriteAsync([input], default))[0].Outcome);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ICommitListener>(listener);

    private async Task<long> CountAsync() =>
        (await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddMinutes(1), TimeSpan.FromMinutes(1), default)).Sum(c => c.Counts.Values.Sum());

    private sealed class GatedListener : ICommitListener
    {
        public TaskCompletionSource<IReadOnlySet<Severity>> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; set; }

        public async ValueTask OnCommittedAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
        {
            Calls++;
            Called.TrySetResult(severities);
            await Release.Task;
        }
    }
}

public sealed class CommitListenerTestsOnSqlite() : CommitListenerTests(StoreProvider.Sqlite);

public sealed class CommitListenerTestsOnPostgres() : CommitListenerTests(StoreProvider.Postgres);
