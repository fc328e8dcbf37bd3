using Firewall.Api.Caching;

namespace Firewall.Api.Tests;

/// <summary>Shared reads: a caller never gets a read that started before it asked, and a burst of one key shares one read.</summary>
public sealed class FreshReadsTests
{
    private readonly List<TaskCompletionSource<int>> _started = [];

    private Task<int> Read()
    {
        var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_started)
        {
            _started.Add(read);
        }

        return read.Task;
    }

    [Fact]
    public async Task A_caller_that_asks_during_a_read_gets_the_next_read_not_that_one()
    {
        var reads = new FreshReads<int>();
        var first = reads.ReadAsync("k", Read);
        var second = reads.ReadAsync("k", Read);

        _started[0].SetResult(1);
        Assert.Equal(1, await first);
        await WaitForReadsAsync(2);
        Assert.False(second.IsCompleted);

        _started[1].SetResult(2);
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task Every_caller_that_asks_during_one_read_shares_the_single_read_after_it()
    {
        var reads = new FreshReads<int>();
        var first = reads.ReadAsync("k", Read);
        var waiting = Enumerable.Range(0, 10).Select(_ => reads.ReadAsync("k", Read)).ToArray();

        _started[0].SetResult(1);
        await WaitForReadsAsync(2);
        _started[1].SetResult(2);

        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal(2, value));
        Assert.Equal(2, _started.Count);
        Assert.Equal(1, await first);
    }

    [Fact]
    public async Task A_caller_after_the_reads_ended_starts_a_new_one()
    {
        var reads = new FreshReads<int>();
        var first = reads.ReadAsync("k", Read);
        _started[0].SetResult(1);
        await first;

        var later = reads.ReadAsync("k", Read);

        Assert.Equal(2, _started.Count);
        _started[1].SetResult(5);
        Assert.Equal(5, await later);
    }

    [Fact]
    public async Task A_failed_read_fails_its_waiters_and_the_next_caller_reads_again()
    {
        var reads = new FreshReads<int>();
        var first = reads.ReadAsync("k", Read);
        var waiter = reads.ReadAsync("k", Read);
        _started[0].SetResult(1);
        await first;
        await WaitForReadsAsync(2);

        _started[1].SetException(new InvalidOperationException("down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiter);
        var again = reads.ReadAsync("k", Read);
        Assert.Equal(3, _started.Count);
        _started[2].SetResult(3);
        Assert.Equal(3, await again);
    }

    [Fact]
    public async Task Reads_of_different_keys_do_not_wait_for_each_other()
    {
        var reads = new FreshReads<int>();
        var first = reads.ReadAsync("a", Read);
        var other = reads.ReadAsync("b", Read);

        Assert.Equal(2, _started.Count);
        _started[1].SetResult(2);
        Assert.Equal(2, await other);
        Assert.False(first.IsCompleted);
        _started[0].SetResult(1);
        Assert.Equal(1, await first);
    }

    /// <summary>The next read starts on the continuation of the last one: wait for it to be started (no clock involved).</summary>
    private async Task WaitForReadsAsync(int count)
    {
        while (true)
        {
            lock (_started)
            {
                if (_started.Count >= count)
                {
                    return;
                }
            }

            await Task.Yield();
        }
    }
}

