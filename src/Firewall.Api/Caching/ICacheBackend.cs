using Firewall.Core.Events;

namespace Firewall.Api.Caching;

/// <summary>
/// Where cached query results and the per-severity generations live: in process by default, Redis when configured.
/// Every method may answer "unavailable" (null / nothing) instead of throwing: the cache is an accelerator, not a dependency.
/// </summary>
public interface ICacheBackend
{
    /// <summary>
    /// The epoch and every severity's generation, as read after this call began (so every bump completed before it is
    /// seen); null when the cache cannot be used.
    /// </summary>
    ValueTask<CacheVersion?> ReadVersionAsync(CancellationToken cancellationToken);

    /// <summary>Moves the given severities to a new generation, so entries that cover them are never read again.</summary>
    ValueTask BumpAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken);

    ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, CachedAnswer answer, CancellationToken cancellationToken);
}
