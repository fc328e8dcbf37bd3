using StackExchange.Redis;

namespace Firewall.Api.Redis;

/// <summary>
/// Invariant 5: before this replica uses Redis after start, a connection loss or a lost generation bump, it checks the
/// global epoch (part of every cache key). A lost bump, or a Redis that booted since the epoch was last checked
/// (its run_id differs from the stored marker), moves the epoch on, so nothing cached before is read again.
/// </summary>
public sealed class RedisEpoch(RedisKeys keys) : IDisposable
{
    private const string Script = """
        local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
        if ARGV[1] == '1' or redis.call('GET', KEYS[2]) ~= run then
          redis.call('INCR', KEYS[1])
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
                await db.ScriptEvaluateAsync(Script, [keys.Epoch, keys.Boot], [force ? "1" : "0"]).WaitAsync(cancellationToken);
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
