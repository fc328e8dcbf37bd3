using Firewall.Api.Redis;
using Firewall.Core.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Firewall.Api.Caching;

/// <summary>
/// Generations and the epoch in Redis, shared by every replica; entry bodies in Redis behind a short-lived in-process L1.
/// L1 keys carry the epoch and generations too, so L1 never serves a result Redis would not.
/// </summary>
public sealed class RedisCacheBackend(RedisGate gate, RedisKeys keys, RedisEpoch epoch, IOptions<CacheOptions> options) : ICacheBackend, IDisposable
{
    private readonly MemoryEntries _local = new(options.Value.MemoryLimitBytes, options.Value.LocalTtl < options.Value.Ttl ? options.Value.LocalTtl : options.Value.Ttl);

    /// <summary>One round trip: MGET of the epoch and the generations; none (bypass) while the epoch is not set.</summary>
    public async ValueTask<CacheVersion?> ReadVersionAsync(IReadOnlyList<Severity> severities, CancellationToken cancellationToken)
    {
        RedisKey[] read = [keys.Epoch, .. severities.Select(keys.Generation)];
        var (ok, values) = await gate.TryAsync(db => db.StringGetAsync(read), cancellationToken);
        if (!ok)
        {
            return null;
        }

        if (values[0].IsNull)
        {
            epoch.Invalidate(lostBump: false); // flushed or restarted without this replica noticing: set one first
            return null;
        }

        return new CacheVersion(values[0].ToString(), [.. values.Skip(1).Select(ToLong)]);
    }

    /// <summary>Pipelined INCRs. When they fail, the next use of Redis moves the epoch on (the batch writer only logs our failures).</summary>
    public async ValueTask BumpAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        var (ok, _) = await gate.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var increments = severities.Select(s => batch.StringIncrementAsync(keys.Generation(s))).ToArray();
            batch.Execute();
            return await Task.WhenAll(increments);
        }, cancellationToken);
        if (!ok)
        {
            epoch.Invalidate(lostBump: true);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_local.Get(key) is { } local)
        {
            return local;
        }

        var (ok, value) = await gate.TryAsync(db => db.StringGetAsync(keys.Entry(key)), cancellationToken);
        if (!ok || value.IsNull)
        {
            return null;
        }

        byte[] body = value!;
        _local.Set(key, body);
        return body;
    }

    public async ValueTask SetAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        _local.Set(key, value);
        await gate.TryAsync(db => db.StringSetAsync(keys.Entry(key), value, options.Value.Ttl), cancellationToken);
    }

    public void Dispose() => _local.Dispose();

    private static long ToLong(RedisValue value) => value.IsNull ? 0 : (long)value;
}
