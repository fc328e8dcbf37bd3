using Firewall.Core.Events;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Caching;

/// <summary>The embedded default: generations in an array (the epoch never moves), entries in a size-bounded memory cache. One replica only.</summary>
public sealed class InProcessCacheBackend(IOptions<CacheOptions> options) : ICacheBackend, IDisposable
{
    private readonly long[] _generations = new long[CacheVersion.Severities.Length];
    private readonly MemoryEntries _entries = new(options.Value.MemoryLimitBytes, options.Value.Ttl);

    public ValueTask<CacheVersion?> ReadVersionAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<CacheVersion?>(new CacheVersion("local", [.. CacheVersion.Severities.Select(s => Volatile.Read(ref _generations[(int)s]))]));

    public ValueTask BumpAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        foreach (var severity in severities)
        {
            Interlocked.Increment(ref _generations[(int)severity]);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(_entries.Get(key));

    public ValueTask SetAsync(string key, CachedAnswer answer, CancellationToken cancellationToken)
    {
        _entries.Set(key, answer);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _entries.Dispose();
}
