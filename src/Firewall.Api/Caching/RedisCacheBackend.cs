using Firewall.Api.Redis;
using Firewall.Core.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Firewall.Api.Caching;

/// <summary>
/// Generations and the epoch in Redis, shared by every replica; entry bodies in Redis behind a short-lived in-process L1.
/// L1 keys carry the epoch and generations too, so L1 never serves a result Redis would not.
/// </summary>
public sealed class RedisCacheBackend : ICacheBackend, IDisposable
{
    private readonly RedisGate _gate;
    private readonly RedisKeys _keys;
    private readonly RedisEpoch _epoch;
    private readonly IOptions<CacheOptions> _options;
    private readonly MemoryEntries _local;
    private readonly RedisKey[] _versionKeys;
    private readonly FreshReads<CacheVersion?> _versions = new();
    private readonly Func<Task<CacheVersion?>> _readVersion;

    public RedisCacheBackend(RedisGate gate, RedisKeys keys, RedisEpoch epoch, IOptions<CacheOptions> options)
    {
        (_gate, _keys, _epoch, _options) = (gate, keys, epoch, options);
        _local = new(options.Value.MemoryLimitBytes, options.Value.LocalTtl < options.Value.Ttl ? options.Value.LocalTtl : options.Value.Ttl);
        _versionKeys = [keys.Epoch, .. CacheVersion.Severities.Select(keys.Generation)];
        _readVersion = ReadVersionNowAsync;
    }

    /// <summary>
    /// A shared read (<see cref="FreshReads{T}"/>) that started after this call: concurrent queries cost one MGET per
    /// round trip, not one each, and each still sees every bump acknowledged before it began. The read is bounded by
    /// the gate's timeout, so it is not cancelled per request.
    /// </summary>
    public ValueTask<CacheVersion?> ReadVersionAsync(CancellationToken cancellationToken) => new(_versions.ReadAsync("version", _readVersion));

    /// <summary>Pipelined INCRs. When they fail, the next use of Redis moves the epoch on (the batch writer only logs our failures).</summary>
    public async ValueTask BumpAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        var (ok, _) = await _gate.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var increments = severities.Select(s => batch.StringIncrementAsync(_keys.Generation(s))).ToArray();
            batch.Execute();
            return await Task.WhenAll(increments);
        }, cancellationToken);
        if (!ok)
        {
            _epoch.Invalidate(lostBump: true);
        }
    }

    public async ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_local.Get(key) is { } local)
        {
            return local;
        }

        var (ok, value) = await _gate.TryAsync(db => db.StringGetAsync(_keys.Entry(key)), cancellationToken);
        if (!ok || value.IsNull)
        {
            return null;
        }

        var answer = new CachedAnswer(value!);
        _local.Set(key, answer);
        return answer;
    }

    public async ValueTask SetAsync(string key, CachedAnswer answer, CancellationToken cancellationToken)
    {
        _local.Set(key, answer);
        await _gate.TryAsync(db => db.StringSetAsync(_keys.Entry(key), answer.Body, _options.Value.Ttl), cancellationToken);
    }

    public void Dispose() => _local.Dispose();

    /// <summary>One round trip: MGET of the epoch and every generation; none (bypass) while the epoch is not set.</summary>
    private async Task<CacheVersion?> ReadVersionNowAsync()
    {
        var (ok, values) = await _gate.TryAsync(db => db.StringGetAsync(_versionKeys), CancellationToken.None);
        if (!ok)
        {
            return null;
        }

        if (values[0].IsNull)
        {
            _epoch.Invalidate(lostBump: false); // flushed or restarted without this replica noticing: set one first
            return null;
        }

        return new CacheVersion(values[0].ToString(), [.. values.Skip(1).Select(ToLong)]);
    }

    private static long ToLong(RedisValue value) => value.IsNull ? 0 : (long)value;
}
