using StackExchange.Redis;

namespace Firewall.Api.Redis;

/// <summary>
/// Invariant 5: before this replica uses Redis after start, a connection loss or a lost generation bump, it checks the
/// global epoch (part of every cache key). A lost bump, or a Redis that booted since the epoch was last checked
/// (its run_id differs from the stored marker), moves the epoch on, so nothing cached before is read again.
/// An epoch is a fresh random token, never a counter: a counter restarts at 1 in an empty Redis (or goes back to its
/// value in an older RDB snapshot), so keys cached before the outage, in the in-process L1 or written by a query that
/// straddled the restart, would be read again once the generations climbed back to theirs.
/// </summary>
public sealed class RedisEpoch(RedisKeys keys) : IDisposable
{
    private const string Script = """
        local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
        if ARGV[1] == '1' or redis.call('GET', KEYS[2]) ~= run or not redis.call('GET', KEYS[1]) then
          redis.call('SET', KEYS[1], ARGV[2])
          redis.call('SET', KEYS[2], run)
        end
        return redis.call('GET', KEYS[1])
        """;

    private readonly SemaphoreSlim _checking = new(1, 1);
    private long _required = 1; // starts unchecked
    private long _checked;
    private int _lostBump;

    /// <summary>The next use of Redis checks the epoch first; <paramref name="lostBump"/> makes it move the epoch on.</summary>
    public void Invalidate(bool lostBump)
    {
        if (lostBump)
        {
            Volatile.Write(ref _lostBump, 1);
        }

        Interlocked.Increment(ref _required);
    }

    public async Task EnsureAsync(IDatabaseAsync db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _checked) == Volatile.Read(ref _required))
        {
            return;
        }

        // One check at a time, so no caller goes on before a forced bump has landed.
        await _checking.WaitAsync(cancellationToken);
        try
        {
            var required = Volatile.Read(ref _required);
            if (required == Volatile.Read(ref _checked))
            {
                return;
            }

            var force = Interlocked.Exchange(ref _lostBump, 0) == 1;
            try
            {
                await db.ScriptEvaluateAsync(Script, [keys.Epoch, keys.Boot], [force ? "1" : "0", Guid.NewGuid().ToString("N")]).WaitAsync(cancellationToken);
            }
            catch
            {
                if (force)
                {
                    Volatile.Write(ref _lostBump, 1);
                }

                throw;
            }

            Volatile.Write(ref _checked, required);
        }
        finally
        {
            _checking.Release();
        }
    }

    public void Dispose() => _checking.Dispose();
}
