using Microsoft.Extensions.Caching.Memory;

namespace Firewall.Api.Caching;

/// <summary>Cached answers in process memory, bounded in bytes (invariant 6), each expiring after <paramref name="ttl"/>.</summary>
public sealed class MemoryEntries(long limitBytes, TimeSpan ttl) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = limitBytes });

    public CachedAnswer? Get(string key) => _entries.TryGetValue(key, out CachedAnswer? value) ? value : null;

    public void Set(string key, CachedAnswer value) =>
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = value.ChargedBytes, AbsoluteExpirationRelativeToNow = ttl });

    public void Dispose() => _entries.Dispose();
}
