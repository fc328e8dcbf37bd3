using Microsoft.Extensions.Caching.Memory;

namespace Firewall.Api.Caching;

/// <summary>Cached bodies in process memory, bounded in bytes (invariant 6), each expiring after <paramref name="ttl"/>.</summary>
public sealed class MemoryEntries(long limitBytes, TimeSpan ttl) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = limitBytes });

    public byte[]? Get(string key) => _entries.TryGetValue(key, out byte[]? value) ? value : null;

    public void Set(string key, byte[] value) =>
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = value.Length, AbsoluteExpirationRelativeToNow = ttl });

    public void Dispose() => _entries.Dispose();
}
