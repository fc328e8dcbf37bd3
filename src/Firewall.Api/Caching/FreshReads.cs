namespace Firewall.Api.Caching;

/// <summary>
/// Reads shared per key, as group commit shares writes: for each key at most one read runs at a time, and the callers
/// that ask while it runs share the next one, started when it ends. So each caller gets the value of a read that
/// started after it asked and sees every change completed before it asked (what the cache's read-your-writes guarantee
/// needs), while a burst of callers costs one read per round trip instead of one each.
/// </summary>
/// <remarks>
/// The read that serves a burst is the one its first caller passed; callers of one key must pass equivalent reads.
/// A read runs for everyone, so it takes no caller's cancellation: bound it otherwise (a timeout, the store deadline).
/// </remarks>
public sealed class FreshReads<T>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>The value of a read of <paramref name="key"/> started now, or as soon as the one in flight (started before this call) ends.</summary>
    public Task<T> ReadAsync(string key, Func<Task<T>> read)
    {
        lock (_gate)
        {
            if (_flights.TryGetValue(key, out var flight))
            {
                flight.Next ??= new Waiters(new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), read);
                return flight.Next.Done.Task;
            }

            _flights.Add(key, new Flight());
        }

        return ReadThenHandOnAsync(key, read);
    }

    private async Task<T> ReadThenHandOnAsync(string key, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        finally
        {
            HandOn(key);
        }
    }

    /// <summary>Serves a burst; the key's next read is under way (or the flight over) before the burst sees its value.</summary>
    private async Task ServeAsync(string key, Waiters waiters)
    {
        T value;
        try
        {
            value = await waiters.Read();
        }
        catch (Exception failure)
        {
            HandOn(key);
            waiters.Done.SetException(failure);
            return;
        }

        HandOn(key);
        waiters.Done.SetResult(value);
    }

    /// <summary>Starts the read the callers who came during the last one wait for, or ends the key's flight.</summary>
    private void HandOn(string key)
    {
        Waiters? next;
        lock (_gate)
        {
            var flight = _flights[key];
            (next, flight.Next) = (flight.Next, null);
            if (next is null)
            {
                _flights.Remove(key);
            }
        }

        if (next is not null)
        {
            // Everyone waiting asked before this point, so a read started now is fresh for all of them.
            _ = ServeAsync(key, next);
        }
    }

    private sealed class Flight
    {
        public Waiters? Next { get; set; }
    }

    private sealed record Waiters(TaskCompletionSource<T> Done, Func<Task<T>> Read);
}
