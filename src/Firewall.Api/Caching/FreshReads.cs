namespace Firewall.Api.Caching;

/// <summary>
/// One read shared by every caller that asked while the previous one was in flight, as group commit does for writes:
/// at most one read runs at a time, and each caller gets the value of a read that started after it asked. So a caller
/// sees every change completed before it asked (what the cache's read-your-writes guarantee needs), while a burst of
/// callers costs one read per round trip instead of one each.
/// </summary>
/// <param name="read">the read; it must not throw for an ordinary failure (answer "unavailable" in <typeparamref name="T"/>).</param>
public sealed class FreshReads<T>(Func<Task<T>> read)
{
    private readonly Lock _gate = new();
    private bool _running;
    private TaskCompletionSource<T>? _waiting;

    /// <summary>The value of a read started now, or as soon as the read in flight (started before this call) ends.</summary>
    public Task<T> ReadAsync()
    {
        lock (_gate)
        {
            if (_running)
            {
                _waiting ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiting.Task;
            }

            _running = true;
        }

        return ReadThenHandOnAsync();
    }

    private async Task<T> ReadThenHandOnAsync()
    {
        try
        {
            return await read();
        }
        finally
        {
            HandOn();
        }
    }

    private async Task ServeAsync(TaskCompletionSource<T> waiters)
    {
        try
        {
            waiters.SetResult(await read());
        }
        catch (Exception failure)
        {
            waiters.SetException(failure);
        }
        finally
        {
            HandOn();
        }
    }

    /// <summary>Starts the read the callers who came during the last one wait for, or ends the run.</summary>
    private void HandOn()
    {
        TaskCompletionSource<T>? next;
        lock (_gate)
        {
            (next, _waiting) = (_waiting, null);
            _running = next is not null;
        }

        if (next is not null)
        {
            // Everyone waiting asked before this point, so a read started now is fresh for all of them.
            _ = ServeAsync(next);
        }
    }
}
