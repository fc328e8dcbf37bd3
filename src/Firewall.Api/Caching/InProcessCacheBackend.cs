using Firewall.Core.Events;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Caching;

/// <summary>The embedded default: generations in an array, entries in a size-bounded memory cache. One replica only.</summary>
public sealed class InProcessCacheBackend(IOptions<CacheOptions> options) : ICacheBackend, IDisposable
{
    private readonly long[] _generations = new long[Enum.GetValues<Severity>().Length];
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MemoryLimitBytes });

    public ValueTask<long[]?> ReadGenerationsAsync(IReadOnlyList<Severity> severities, CancellationToken cancellationToken) =>
        ValueTask.FromResult<long[]?>([.. severities.Select(s => Volatile.Read(ref _generations[(int)s]))]);

    public ValueTask BumpAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        foreach (var severity in severities)
        {
            Interlocked.Increment(ref _generations[(int)severity]);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out byte[]? value) ? value : null);

    public ValueTask SetAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = value.Length, AbsoluteExpirationRelativeToNow = options.Value.Ttl });
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _entries.Dispose();
}
